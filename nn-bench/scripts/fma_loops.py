#!/usr/bin/env python3
"""Reports the innermost FMA loop of each C2-compiled method in a -XX:+PrintAssembly log: its
instructions, FMAs, loads from the stack and safepoint polls. A register tile whose loop loads
from the stack (y's vectors spilled) runs its product 2.5x slower (NOTES.md, "Traps").

    java -XX:+UseSerialGC -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=quiet \\
         -XX:CompileCommand=print,*TiledProduct*::* -XX:PrintAssemblyOptions=intel \\
         --add-modules jdk.incubator.vector -cp nn-bench/target/benchmarks.jar \\
         nn.bench.StepCpuTime bn-before 1 > asm.txt
    python3 nn-bench/scripts/fma_loops.py asm.txt

Needs the Capstone hsdis of nn-bench/scripts/hsdis next to libjvm.so.
"""
import re
import sys

METHOD = re.compile(r"Compiled method \((c[12])\)\s+\d+\s+(\d+)\s+([%sbn! ]{5})\s*(\d)\s+(\S+)")
INSTRUCTION = re.compile(r"\s+0x([0-9a-f]+):\s+(.*)")
BACK_JUMP = re.compile(r"j\w+ 0x([0-9a-f]+)")  # matched at the start of the text, so not in comments
STACK_LOAD = re.compile(r"^v?mov\w* [xyz]mm\d+, \w+ ptr \[rsp")


def innermost_fma_loop(instructions):
    """The shortest range from a backward jump's target to the jump that holds an FMA, or None."""
    best = None
    for address, text in instructions:
        jump = BACK_JUMP.match(text)
        if jump and int(jump.group(1), 16) < address:
            body = [t for a, t in instructions if int(jump.group(1), 16) <= a <= address]
            if any("vfmadd" in t for t in body) and (best is None or len(body) < len(best)):
                best = body
    return best


def report(name, instructions):
    body = innermost_fma_loop(instructions)
    if body:
        print("%-40s %4d instructions, %3d FMAs, %3d stack loads, %d polls" % (
            name, len(body), sum("vfmadd" in t for t in body), sum(bool(STACK_LOAD.search(t)) for t in body),
            sum("{poll}" in t for t in body)))


def main(path):
    name, instructions = None, []
    with open(path, errors="replace") as log:
        for line in log:
            method = METHOD.search(line)
            if method:
                if name:
                    report(name, instructions)
                compiled_by_c2 = method.group(1) == "c2"
                name = "%s%s %s" % (method.group(2), " (OSR)" if "%" in method.group(3) else "",
                                    method.group(5).split("::")[-1]) if compiled_by_c2 else None
                instructions = []
                continue
            found = INSTRUCTION.match(line)
            if found and name:
                instructions.append((int(found.group(1), 16), found.group(2)))  # comments kept: they mark the polls
    if name:
        report(name, instructions)


if __name__ == "__main__":
    main(sys.argv[1])
