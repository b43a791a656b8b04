package io.hilharness.cli;

/** One clear line per harness error; stack traces only with --debug. */
final class ErrorMessages {
    private ErrorMessages() {
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message;
    }
}
