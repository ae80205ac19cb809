/*
 * A minimal HotSpot disassembler plugin over Capstone, so that -XX:+PrintAssembly shows what C2
 * made of a kernel (the JDK ships no hsdis, and JDK 17's own source only builds against binutils).
 *
 *   apt-get install -y libcapstone-dev
 *   gcc -O2 -shared -fPIC -o hsdis-amd64.so nn-bench/scripts/hsdis/hsdis.c -lcapstone
 *   cp hsdis-amd64.so "$(dirname "$(readlink -f "$(which java)")")/../lib/server/"
 *   java ... -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=print,*::tile8x3 -XX:PrintAssemblyOptions=intel
 *
 * Capstone 4 cannot decode every EVEX instruction: those print as "(bad)" and the next few lines
 * are garbage until it resynchronises. Let the JVM run a few seconds after the method compiles
 * (the print of a compile that finishes as the JVM exits is cut short).
 */
#include <capstone/capstone.h>
#include <stddef.h>
#include <stdint.h>

typedef void *(*event_callback)(void *, const char *, void *);
typedef int (*printf_callback)(void *, const char *, ...);

void *decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char *buffer, uintptr_t length,
                                  event_callback event, void *event_stream, printf_callback print, void *print_stream,
                                  const char *options, int newline) {
    csh handle;
    (void) end_va;
    (void) options;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &handle) != CS_ERR_OK) {
        return (void *) start_va;
    }
    cs_insn *insn = cs_malloc(handle);
    const uint8_t *code = buffer;
    size_t size = length;
    uint64_t address = start_va;
    while (size > 0) {
        event(event_stream, "insn", (void *) (uintptr_t) address);
        if (cs_disasm_iter(handle, &code, &size, &address, insn)) {
            print(print_stream, "%s %s", insn->mnemonic, insn->op_str);
        } else {
            print(print_stream, "(bad) %02x", *code);
            code++;
            size--;
            address++;
        }
        event(event_stream, "/insn", (void *) (uintptr_t) address);
        if (newline) {
            print(print_stream, "\n");
        }
    }
    cs_free(insn, 1);
    cs_close(&handle);
    return (void *) (uintptr_t) address;
}
