/**
 * Guards shared by the sobatch test suites (test scope only, not a published library):
 * {@link dev.sobatch.testing.BlockHoundExtension} (registered by this jar for JUnit's extension auto-detection)
 * fails a test on a blocking call on a non-blocking thread; {@link dev.sobatch.testing.LeakDetectionExtension}
 * (opt-in) fails a test on a Netty buffer leak.
 */
package dev.sobatch.testing;
