package io.tierline.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * One local system per test class, a fresh browser per test whose screenshots go under the test's name.
 * Subclasses declare their own static state only.
 */
abstract class PageTest {
    static LocalSite site;
    Browser browser;

    @BeforeAll
    static void startSite() throws Exception {
        site = LocalSite.start();
    }

    @AfterAll
    static void stopSite() {
        if (site != null) {
            site.close();
            site = null;
        }
    }

    @BeforeEach
    void startBrowser(TestInfo test) {
        browser = Browser.start(site.url(), test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
