package io.confab.rest;

/** Carries a {@link Problem} out of a handler; answered by {@link ErrorMapping}. */
final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    ProblemException(Problem problem) {
        super(problem.code().wireName(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
