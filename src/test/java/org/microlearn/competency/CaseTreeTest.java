package org.microlearn.competency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The isChildOf hierarchy of a CASE package: order, depth, loops and orphans. */
class CaseTreeTest {

    private static final String DOC = "00000000-0000-4000-8000-000000000000";
    private static final List<String> LEVELS = FrameworkExchange.LEVELS;

    private final List<CasePackage.Item> items = new ArrayList<>();
    private final List<CasePackage.Association> associations = new ArrayList<>();

    @Test
    void childrenComeInSequenceOrderWithPositions() {
        item("d1");
        item("c2");
        item("c1");
        childOf("d1", DOC, 1);
        childOf("c2", "d1", 2);
        childOf("c1", "d1", 1);

        CaseTree tree = CaseTree.of(pkg(), LEVELS, false);

        assertThat(tree.problems()).isEmpty();
        assertThat(tree.roots().get(0).children())
                .extracting(node -> node.item().identifier(), CaseTree.Node::position)
                .containsExactly(tuple(id("c1"), 1), tuple(id("c2"), 2));
    }

    @Test
    void itemsThatOnlyReachEachOtherAreReportedAsALoop() {
        item("d1");
        item("a");
        item("b");
        childOf("d1", DOC, 1);
        childOf("a", "b", 1);
        childOf("b", "a", 1);

        CaseTree tree = CaseTree.of(pkg(), LEVELS, false);

        assertThat(tree.problems())
                .extracting(CaseProblem::identifier, CaseProblem::message)
                .containsExactlyInAnyOrder(
                        tuple(id("a"), "is not connected to the document: its isChildOf chain loops or breaks"),
                        tuple(id("b"), "is not connected to the document: its isChildOf chain loops or breaks"));
    }

    @Test
    void nestingDeeperThanTheLevelsIsReportedOnceAtTheFirstTooDeepItem() {
        String parent = DOC;
        for (int depth = 1; depth <= 6; depth++) {
            item("n" + depth);
            childOf("n" + depth, parent.equals(DOC) ? DOC : parent, 1);
            parent = "n" + depth;
        }

        CaseTree tree = CaseTree.of(pkg(), LEVELS, false);

        assertThat(tree.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("$.CFItems[3]");
            assertThat(problem.message())
                    .isEqualTo("is nested 4 levels deep; at most 3 are supported (domain, competency, indicator)");
        });
    }

    @Test
    void anItemWithTwoParentsIsReportedAtTheSecondAssociation() {
        item("d1");
        item("d2");
        item("c");
        childOf("d1", DOC, 1);
        childOf("d2", DOC, 2);
        childOf("c", "d1", 1);
        childOf("c", "d2", 1);

        CaseTree tree = CaseTree.of(pkg(), LEVELS, false);

        assertThat(tree.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("$.CFAssociations[3]");
            assertThat(problem.field()).isEqualTo("originNodeURI");
            assertThat(problem.message()).contains("already has a parent");
        });
    }

    @Test
    void aRubricDomainWithoutCriteriaIsReportedWhenEveryLevelIsRequired() {
        item("d1");
        childOf("d1", DOC, 1);

        CaseTree tree = CaseTree.of(pkg(), List.of("domain", "criterion"), true);

        assertThat(tree.problems())
                .extracting(CaseProblem::message)
                .containsExactly("is a domain without any criterion under it");
    }

    private CasePackage pkg() {
        return new CasePackage(
                new CasePackage.Document(
                        DOC, "urn:x", "Test", "Doc", "2026-01-01T00:00:00Z", null, null, null, null, null, null),
                items,
                associations,
                null);
    }

    private static String id(String name) {
        return CaseIdentifiers.nameBased(name);
    }

    private void item(String name) {
        items.add(new CasePackage.Item(id(name), "urn:" + name, name, null, null, null, "2026-01-01T00:00:00Z", null));
    }

    private void childOf(String child, String parent, int sequence) {
        String parentId = parent.equals(DOC) ? DOC : id(parent);
        associations.add(new CasePackage.Association(
                id(child + "->" + parent),
                "urn:a",
                CasePackage.IS_CHILD_OF,
                sequence,
                new CasePackage.LinkUri(child, id(child), null),
                new CasePackage.LinkUri(parent, parentId, null),
                "2026-01-01T00:00:00Z",
                null,
                null));
    }
}
