package nn.core;

/** The error function, which java.lang.Math lacks. */
final class Erf {

    private Erf() {
    }

    /**
     * erf(x) by the Numerical Recipes erfc Chebyshev fit (fractional error below 1.2e-7, well
     * inside float precision).
     */
    static double erf(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1.0 - erfc : erfc - 1.0;
    }
}
