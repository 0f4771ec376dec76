package org.switchboard.core.errors;

/** Lets tests of other packages see how a failure is classified. */
public final class ProblemsTestAccess {

    private ProblemsTestAccess() {
    }

    public static int status(Throwable failure) {
        return Problems.classify(failure).status();
    }

    public static String detail(Throwable failure) {
        return Problems.classify(failure).detail();
    }
}
