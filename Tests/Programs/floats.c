/* printf of floating-point values in every conversion, strtod round trips and libm. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    const double values[] = {0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1e-300, 6.02214076e23, 123456789.125,
                             DBL_MAX, DBL_MIN, 5e-324, 0.1, 1.0 / 3.0, INFINITY, -INFINITY, NAN};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        double v = values[i];
        /* C leaves the %a form of subnormals to the library (musl normalises, glibc does not). */
        if (fpclassify(v) == FP_SUBNORMAL)
            printf("%%f=%f %%e=%e %%g=%g %%.17g=%.17g\n", v, v, v, v);
        else
            printf("%%f=%f %%e=%e %%g=%g %%a=%a %%.17g=%.17g\n", v, v, v, v, v);
    }
    printf("%10.3f|%-10.2e|%+g|% g|%#g|%.0f|%.0f|%.0f\n", 3.14159, 31415.9, 2.5, 2.5, 1.0, 0.5, 1.5, 2.5);
    float f = 16777217.0f;
    printf("float %f %a %.9g\n", (double)f, (double)f, (double)0.1f);
    const char *inputs[] = {"0.1", "1e400", "-2.5e-3", "0x1.8p3", "inf", "nan", "123abc"};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        char *end;
        double parsed = strtod(inputs[i], &end);
        printf("strtod(%s) = %.17g, rest [%s]\n", inputs[i], parsed, end);
    }
    printf("sqrt(2)=%.17g exp(1)=%.17g log(10)=%.17g\n", sqrt(2.0), exp(1.0), log(10.0));
    printf("sin(1)=%.17g cos(1)=%.17g atan2(1,2)=%.17g\n", sin(1.0), cos(1.0), atan2(1.0, 2.0));
    printf("pow(2,0.5)=%.17g fmod(10,3)=%g floor(-2.5)=%g ceil(-2.5)=%g round(2.5)=%g trunc(-2.7)=%g\n",
           pow(2.0, 0.5), fmod(10.0, 3.0), floor(-2.5), ceil(-2.5), round(2.5), trunc(-2.7));
    printf("nearbyint(2.5)=%g rint(3.5)=%g copysign(1,-0.0)=%g fabs(-0.0)=%g\n", nearbyint(2.5), rint(3.5),
           copysign(1.0, -0.0), fabs(-0.0));
    double sum = 0;
    for (int i = 1; i <= 1000000; i++) sum += 1.0 / ((double)i * i);
    printf("sum 1/n^2 = %.15f (pi^2/6 = %.15f)\n", sum, M_PI * M_PI / 6);
    printf("(int)3.99=%d (long long)-7.5=%lld (unsigned)4e9=%u\n", (int)3.99, (long long)-7.5, (unsigned)4e9);
    return 0;
}
