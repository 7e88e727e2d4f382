package org.microlearn.competency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hierarchy a CASE package describes with isChildOf associations (child = origin, parent =
 * destination), checked and put in order. Frameworks use three levels (domain, competency,
 * indicator), rubric documents two (domain, criterion).
 */
public final class CaseTree {

    /**
     * @param link the isChildOf association that attaches the item to its parent
     * @param position 1-based place among its siblings
     */
    public record Node(CasePackage.Item item, CasePackage.Association link, int position, List<Node> children) {}

    private final List<Node> roots;
    private final List<CaseProblem> problems;

    private CaseTree(List<Node> roots, List<CaseProblem> problems) {
        this.roots = roots;
        this.problems = problems;
    }

    public List<Node> roots() {
        return roots;
    }

    /** Empty when the tree is sound. */
    public List<CaseProblem> problems() {
        return problems;
    }

    /**
     * @param levels what each level is called, top first; its length is the depth allowed, and a
     *     rubric requires items on every level ({@code exactDepth})
     */
    public static CaseTree of(CasePackage pkg, List<String> levels, boolean exactDepth) {
        List<CaseProblem> problems = new ArrayList<>();
        String documentId = key(pkg.document().identifier());
        Map<String, Integer> itemIndex = new LinkedHashMap<>();
        for (int i = 0; i < pkg.items().size(); i++) {
            itemIndex.putIfAbsent(key(pkg.items().get(i).identifier()), i);
        }
        Map<String, Integer> parentLink = new HashMap<>();
        Map<String, List<Integer>> childLinks = new HashMap<>();
        for (int i = 0; i < pkg.associations().size(); i++) {
            CasePackage.Association association = pkg.associations().get(i);
            if (!CasePackage.IS_CHILD_OF.equals(association.associationType())) {
                continue;
            }
            String path = "$.CFAssociations[" + i + "]";
            String child = key(association.origin().identifier());
            String parent = key(association.destination().identifier());
            if (!itemIndex.containsKey(child)) {
                problems.add(new CaseProblem(
                        path,
                        association.identifier(),
                        "originNodeURI",
                        "isChildOf must start at a CFItem of this file; "
                                + association.origin().identifier() + " is not one"));
                continue;
            }
            if (!parent.equals(documentId) && !itemIndex.containsKey(parent)) {
                problems.add(new CaseProblem(
                        path,
                        association.identifier(),
                        "destinationNodeURI",
                        "isChildOf must end at the CFDocument or a CFItem of this file; "
                                + association.destination().identifier() + " is neither"));
                continue;
            }
            if (parent.equals(child)) {
                problems.add(new CaseProblem(
                        path, association.identifier(), "destinationNodeURI", "an item cannot be its own parent"));
                continue;
            }
            if (parentLink.putIfAbsent(child, i) != null) {
                problems.add(new CaseProblem(
                        path,
                        association.identifier(),
                        "originNodeURI",
                        "item " + association.origin().identifier()
                                + " already has a parent; each item needs exactly one isChildOf"));
                continue;
            }
            childLinks.computeIfAbsent(parent, p -> new ArrayList<>()).add(i);
        }
        Map<String, Boolean> placed = new HashMap<>();
        List<Node> roots = children(pkg, documentId, childLinks, itemIndex, levels, exactDepth, 1, placed, problems);
        for (var entry : itemIndex.entrySet()) {
            if (placed.containsKey(entry.getKey())) {
                continue;
            }
            int i = entry.getValue();
            String message = parentLink.containsKey(entry.getKey())
                    ? "is not connected to the document: its isChildOf chain loops or breaks"
                    : "is not connected to the document: it has no isChildOf association";
            problems.add(
                    new CaseProblem("$.CFItems[" + i + "]", pkg.items().get(i).identifier(), null, message));
        }
        return new CaseTree(roots, problems);
    }

    private static List<Node> children(
            CasePackage pkg,
            String parent,
            Map<String, List<Integer>> childLinks,
            Map<String, Integer> itemIndex,
            List<String> levels,
            boolean exactDepth,
            int depth,
            Map<String, Boolean> placed,
            List<CaseProblem> problems) {
        List<Integer> links = new ArrayList<>(childLinks.getOrDefault(parent, List.of()));
        links.sort(Comparator.comparing(
                        (Integer i) -> pkg.associations().get(i).sequenceNumber(),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Comparator.naturalOrder()));
        List<Node> nodes = new ArrayList<>();
        for (int link : links) {
            CasePackage.Association association = pkg.associations().get(link);
            String child = key(association.origin().identifier());
            int itemAt = itemIndex.get(child);
            CasePackage.Item item = pkg.items().get(itemAt);
            if (placed.putIfAbsent(child, true) != null) {
                continue; // reached twice only through a loop; reported by the caller
            }
            if (depth > levels.size()) {
                problems.add(new CaseProblem(
                        "$.CFItems[" + itemAt + "]",
                        item.identifier(),
                        null,
                        "is nested " + depth + " levels deep; at most " + levels.size() + " are supported ("
                                + String.join(", ", levels) + ")"));
                markPlaced(child, childLinks, pkg, placed);
                continue;
            }
            List<Node> grandChildren =
                    children(pkg, child, childLinks, itemIndex, levels, exactDepth, depth + 1, placed, problems);
            if (exactDepth && depth < levels.size() && grandChildren.isEmpty()) {
                problems.add(new CaseProblem(
                        "$.CFItems[" + itemAt + "]",
                        item.identifier(),
                        null,
                        "is a " + levels.get(depth - 1) + " without any " + levels.get(depth) + " under it"));
            }
            nodes.add(new Node(item, association, nodes.size() + 1, List.copyOf(grandChildren)));
        }
        return List.copyOf(nodes);
    }

    /** Marks everything below a too-deep item as placed (iteratively: a hostile file may nest very deep). */
    private static void markPlaced(
            String item, Map<String, List<Integer>> childLinks, CasePackage pkg, Map<String, Boolean> placed) {
        Deque<String> pending = new ArrayDeque<>();
        pending.push(item);
        while (!pending.isEmpty()) {
            for (int link : childLinks.getOrDefault(pending.pop(), List.of())) {
                String child = key(pkg.associations().get(link).origin().identifier());
                if (placed.putIfAbsent(child, true) == null) {
                    pending.push(child);
                }
            }
        }
    }

    private static String key(String identifier) {
        return identifier == null ? "" : identifier.toLowerCase(Locale.ROOT);
    }
}
