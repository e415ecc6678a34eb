package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jasper.compiler.JspUtil;
import org.junit.jupiter.api.Test;

/** The compiled pages' EL calls go to the cache with exactly the arguments Jasper's own call takes. */
class CachedExpressionsTest {
    private final CachedExpressions interpreter = new CachedExpressions();

    @Test
    void pageAndTagFileCallsAreRedirectedWithTheSameArguments() {
        for (boolean tagFile : new boolean[] {false, true}) {
            for (Class<?> type : new Class<?>[] {String.class, boolean.class, Object.class}) {
                String jasper = JspUtil.interpreterCall(tagFile, "${view.email}", type, "_jspx_fnmap_0");
                String ours = interpreter.interpreterCall(null, tagFile, "${view.email}", type, "_jspx_fnmap_0");
                assertTrue(ours.contains("com.arbdesk.web.CachedExpressions.evaluate("), ours);
                assertFalse(ours.contains("proprietaryEvaluate"), ours);
                assertEquals(jasper.replace("org.apache.jasper.runtime.PageContextImpl.proprietaryEvaluate(",
                        "com.arbdesk.web.CachedExpressions.evaluate("), ours);
            }
        }
    }
}
