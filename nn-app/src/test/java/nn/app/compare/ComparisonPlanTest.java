package nn.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonPlanTest {

    @Test
    void modelsAndSeedsInTheGivenOrderSpacesAllowed() {
        ComparisonPlan plan = ComparisonPlan.parse("no-bn, bn-before", "3, -1,2");
        assertEquals(List.of("no-bn", "bn-before"), plan.models());
        assertEquals(List.of(3L, -1L, 2L), plan.seeds());
        assertEquals(6, plan.runs());
    }

    @Test
    void aModelIsNamedByItsPresetOrItsFileName() {
        assertEquals("bn-after", ComparisonPlan.name("bn-after"));
        assertEquals("wide", ComparisonPlan.name("models/wide.json"));
        assertEquals("deep.v2", ComparisonPlan.name("/tmp/deep.v2"));
        assertEquals("wide-seed7", ComparisonPlan.folder("models/wide.json", 7));
    }
}
