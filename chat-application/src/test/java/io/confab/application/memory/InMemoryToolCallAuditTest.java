package io.confab.application.memory;

import io.confab.domain.port.ToolCallAudit;
import io.confab.json.JsonValues;
import io.confab.testkit.contract.ToolCallAuditContract;

/** The in-memory tool-call audit passes the shared contract. */
class InMemoryToolCallAuditTest extends ToolCallAuditContract {

    @Override
    protected ToolCallAudit toolCallAudit() {
        return new InMemoryToolCallAudit(JsonValues::write);
    }
}
