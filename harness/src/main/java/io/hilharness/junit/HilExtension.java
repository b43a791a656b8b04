package io.hilharness.junit;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs {@link HilTest} classes: opens and locks the board before the class, flashes the test's image when the
 * board has another ({@link WithImage}, else the class's), boots it before each test ({@link AcrossBoots}: a
 * reset per repetition), injects the board's views, and on failure prints
 * Surefire/Jenkins attachment lines for the raw console capture and the test's connection timeline.
 */
public final class HilExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver,
        TestTemplateInvocationContextProvider, TestWatcher {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HilExtension.class);
    private static final Set<Class<?>> INJECTED = Set.of(HilBoard.class, BoardConsole.class, HttpsProbe.class, DeviceLog.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        // A @Nested class without its own @HilTest shares its enclosing class's board (the store looks upwards).
        Optional<HilTest> annotation = AnnotationSupport.findAnnotation(testClass, HilTest.class);
        if (annotation.isEmpty()) {
            return;
        }
        HilSettings settings = HilSettings.of(annotation.get(), context::getConfigurationParameter);
        BoardSession session;
        try {
            session = BoardSession.open(settings, testClass.getSimpleName());
        } catch (MissingHardwareException e) {
            if (settings.requireHardware()) {
                throw new IllegalStateException(e.getMessage() + " (hil.requireHardware=true: missing hardware fails)", e);
            }
            // Skipped per test, not per class: build tools (Surefire) then count and show each skip with its reason.
            context.getStore(NAMESPACE).put(MissingHardwareException.class, e.getMessage());
            return;
        }
        // The store closes AutoCloseable values when the class is done: board powered off, lock released.
        context.getStore(NAMESPACE).put(BoardSession.class, session);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        String missing = context.getStore(NAMESPACE).get(MissingHardwareException.class, String.class);
        if (missing != null) {
            Assumptions.abort(missing);
        }
        BoardSession session = session(context);
        session.useImage(context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, WithImage.class)),
                context.getDisplayName());
        session.startTest();
        Optional<AcrossBoots> acrossBoots = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, AcrossBoots.class));
        if (acrossBoots.isPresent()) {
            session.reboot(acrossBoots.get().reset());
        } else {
            session.ensureBooted();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        BoardSession session = session(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == HilBoard.class) {
            return session.hilBoard();
        }
        if (type == BoardConsole.class) {
            return session.console();
        }
        if (type == HttpsProbe.class) {
            return session.https();
        }
        return session.log();
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, AcrossBoots.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        AcrossBoots boots = AnnotationSupport.findAnnotation(method, AcrossBoots.class).orElseThrow();
        if (boots.value() < 1) {
            throw new IllegalArgumentException("@AcrossBoots needs at least one boot: " + method);
        }
        return IntStream.rangeClosed(1, boots.value()).mapToObj(boot -> new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "boot " + boot + " of " + boots.value();
            }
        });
    }

    /** Jenkins' JUnit attachments plugin (and Surefire's report) pick up these lines from the test's output. */
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        BoardSession session = context.getStore(NAMESPACE).get(BoardSession.class, BoardSession.class);
        if (session == null) {
            return;
        }
        System.out.println("[[ATTACHMENT|" + session.rawCapture() + "]]");
        try {
            System.out.println("[[ATTACHMENT|" + session.writeTimeline(testName(context)) + "]]");
        } catch (IOException e) {
            System.out.println("[hil] could not write the timeline of " + context.getDisplayName() + ": " + e.getMessage());
        }
    }

    private static String testName(ExtensionContext context) {
        String method = context.getTestMethod().map(Method::getName).orElse("test");
        return context.getRequiredTestClass().getSimpleName() + "." + method + "-" + context.getDisplayName();
    }

    private static BoardSession session(ExtensionContext context) {
        BoardSession session = context.getStore(NAMESPACE).get(BoardSession.class, BoardSession.class);
        if (session == null) {
            throw new IllegalStateException("no board for " + context.getDisplayName() + ": annotate the class with @HilTest");
        }
        return session;
    }
}
