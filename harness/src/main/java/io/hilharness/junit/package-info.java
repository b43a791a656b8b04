/**
 * A JUnit 5 extension for users' own hardware tests: {@link io.hilharness.junit.HilTest} on a class,
 * {@link io.hilharness.junit.AcrossBoots} on methods that must hold after every reboot,
 * {@link io.hilharness.junit.WithImage} on methods about one particular image, and
 * {@link io.hilharness.junit.HilAssertions} for connection outcomes and device log content.
 * A board that is not there skips each test of the class (aborted with the reason) unless
 * {@code hil.requireHardware=true}.
 */
package io.hilharness.junit;
