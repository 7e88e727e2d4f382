package org.microlearn.competency.caseformat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.microlearn.competency.CaseDates;
import org.microlearn.competency.CaseFormat;
import org.microlearn.competency.CasePackage;
import org.microlearn.competency.CaseProblem;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads CASE JSON through Jackson's tree model rather than data binding, so that a file with many
 * mistakes gets all of them reported at once, each with its JSON path and the CASE identifier of
 * the object, instead of the first binding exception.
 */
@Component
class JacksonCaseFormat implements CaseFormat {

    private static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final JsonMapper mapper;

    JacksonCaseFormat(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Parsed read(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json == null ? "" : json);
        } catch (JacksonException e) {
            return new Parsed(
                    null, List.of(new CaseProblem("$", null, null, "is not valid JSON: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            return new Parsed(null, List.of(new CaseProblem("$", null, null, "must be a JSON object (a CFPackage)")));
        }
        String prefix = "$";
        if (root.has("CFPackage")) {
            prefix = "$.CFPackage";
            root = root.get("CFPackage");
            if (!root.isObject()) {
                return new Parsed(null, List.of(new CaseProblem("$", null, "CFPackage", "must be a JSON object")));
            }
        }
        Reader reader = new Reader(prefix);
        CasePackage pkg = reader.pkg(root);
        return new Parsed(pkg, reader.problems);
    }

    @Override
    public String write(CasePackage pkg) {
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(pkg);
    }

    /** One pass over one file, collecting problems as it goes. */
    private static final class Reader {

        private final String prefix;
        private final List<CaseProblem> problems = new ArrayList<>();
        private final Map<String, String> seenIdentifiers = new HashMap<>();

        Reader(String prefix) {
            this.prefix = prefix;
        }

        CasePackage pkg(JsonNode root) {
            CasePackage.Document document = null;
            JsonNode doc = root.get("CFDocument");
            if (doc == null || !doc.isObject()) {
                problems.add(new CaseProblem(prefix, null, "CFDocument", "is required and must be an object"));
            } else {
                document = document(doc, prefix + ".CFDocument");
            }
            List<CasePackage.Item> items = new ArrayList<>();
            forEach(root, prefix, "CFItems", (node, path) -> items.add(item(node, path)));
            List<CasePackage.Association> associations = new ArrayList<>();
            forEach(root, prefix, "CFAssociations", (node, path) -> associations.add(association(node, path)));
            List<CasePackage.Rubric> rubrics = null;
            if (root.has("CFRubrics")) {
                List<CasePackage.Rubric> read = new ArrayList<>();
                forEach(root, prefix, "CFRubrics", (node, path) -> read.add(rubric(node, path)));
                rubrics = read;
            }
            if (document == null) {
                document = new CasePackage.Document(null, null, null, null, null, null, null, null, null, null, null);
            }
            return new CasePackage(document, items, associations, rubrics);
        }

        private CasePackage.Document document(JsonNode node, String path) {
            String id = identifier(node, path);
            return new CasePackage.Document(
                    id,
                    required(node, path, id, "uri"),
                    required(node, path, id, "creator"),
                    required(node, path, id, "title"),
                    dateTime(node, path, id, "lastChangeDateTime"),
                    optional(node, path, id, "officialSourceURL"),
                    optional(node, path, id, "publisher"),
                    optional(node, path, id, "description"),
                    optional(node, path, id, "language"),
                    optional(node, path, id, "version"),
                    link(node, path, id, "licenseURI", false));
        }

        private CasePackage.Item item(JsonNode node, String path) {
            String id = identifier(node, path);
            return new CasePackage.Item(
                    id,
                    required(node, path, id, "uri"),
                    required(node, path, id, "fullStatement"),
                    optional(node, path, id, "abbreviatedStatement"),
                    optional(node, path, id, "humanCodingScheme"),
                    optional(node, path, id, "CFItemType"),
                    dateTime(node, path, id, "lastChangeDateTime"),
                    link(node, path, id, "CFDocumentURI", false));
        }

        private CasePackage.Association association(JsonNode node, String path) {
            String id = identifier(node, path);
            String type = required(node, path, id, "associationType");
            Map<String, Object> extensions = null;
            JsonNode ext = node.get("extensions");
            if (ext != null && ext.isObject() && ext.has("weight")) {
                JsonNode weight = ext.get("weight");
                if (weight.isNumber()) {
                    extensions = Map.of("weight", weight.doubleValue());
                } else {
                    problems.add(new CaseProblem(path, id, "extensions.weight", "must be a number"));
                }
            }
            CasePackage.LinkUri origin = link(node, path, id, "originNodeURI", true);
            CasePackage.LinkUri destination = link(node, path, id, "destinationNodeURI", true);
            return new CasePackage.Association(
                    id,
                    required(node, path, id, "uri"),
                    type,
                    integer(node, path, id, "sequenceNumber"),
                    origin == null ? new CasePackage.LinkUri(null, null, null) : origin,
                    destination == null ? new CasePackage.LinkUri(null, null, null) : destination,
                    dateTime(node, path, id, "lastChangeDateTime"),
                    link(node, path, id, "CFDocumentURI", false),
                    extensions);
        }

        private CasePackage.Rubric rubric(JsonNode node, String path) {
            String id = identifier(node, path);
            List<CasePackage.RubricCriterion> criteria = new ArrayList<>();
            forEach(node, path, "CFRubricCriteria", (criterion, at) -> criteria.add(criterion(criterion, at)));
            return new CasePackage.Rubric(
                    id,
                    required(node, path, id, "uri"),
                    optional(node, path, id, "title"),
                    optional(node, path, id, "description"),
                    dateTime(node, path, id, "lastChangeDateTime"),
                    criteria);
        }

        private CasePackage.RubricCriterion criterion(JsonNode node, String path) {
            String id = identifier(node, path);
            List<CasePackage.RubricCriterionLevel> levels = new ArrayList<>();
            forEach(node, path, "CFRubricCriterionLevels", (level, at) -> levels.add(level(level, at)));
            return new CasePackage.RubricCriterion(
                    id,
                    required(node, path, id, "uri"),
                    optional(node, path, id, "category"),
                    optional(node, path, id, "description"),
                    link(node, path, id, "CFItemURI", false),
                    number(node, path, id, "weight"),
                    integer(node, path, id, "position"),
                    optional(node, path, id, "rubricId"),
                    dateTime(node, path, id, "lastChangeDateTime"),
                    levels);
        }

        private CasePackage.RubricCriterionLevel level(JsonNode node, String path) {
            String id = identifier(node, path);
            return new CasePackage.RubricCriterionLevel(
                    id,
                    required(node, path, id, "uri"),
                    optional(node, path, id, "description"),
                    optional(node, path, id, "quality"),
                    number(node, path, id, "score"),
                    optional(node, path, id, "feedback"),
                    integer(node, path, id, "position"),
                    optional(node, path, id, "rubricCriterionId"),
                    dateTime(node, path, id, "lastChangeDateTime"));
        }

        private interface Visitor {
            void visit(JsonNode node, String path);
        }

        private void forEach(JsonNode parent, String parentPath, String field, Visitor visitor) {
            JsonNode array = parent.get(field);
            if (array == null || array.isNull()) {
                return;
            }
            String path = parentPath + "." + field;
            if (!array.isArray()) {
                problems.add(new CaseProblem(path, null, null, "must be an array"));
                return;
            }
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                String at = path + "[" + i + "]";
                if (!element.isObject()) {
                    problems.add(new CaseProblem(at, null, null, "must be an object"));
                } else {
                    visitor.visit(element, at);
                }
            }
        }

        private String identifier(JsonNode node, String path) {
            JsonNode value = node.get("identifier");
            if (value == null
                    || value.isNull()
                    || (value.isString() && value.stringValue().isBlank())) {
                problems.add(new CaseProblem(path, null, "identifier", "is required"));
                return null;
            }
            if (!value.isString() || !UUID.matcher(value.stringValue()).matches()) {
                problems.add(new CaseProblem(path, null, "identifier", "must be a UUID, was " + value));
                return null;
            }
            String id = value.stringValue().toLowerCase(Locale.ROOT);
            String earlier = seenIdentifiers.putIfAbsent(id, path);
            if (earlier != null) {
                problems.add(new CaseProblem(path, id, "identifier", "is already used by " + earlier));
            }
            return id;
        }

        private String required(JsonNode node, String path, String id, String field) {
            String value = optional(node, path, id, field);
            if (value == null || value.isBlank()) {
                if (!node.has(field)
                        || node.get(field).isNull()
                        || node.get(field).isString()) {
                    problems.add(new CaseProblem(path, id, field, "is required"));
                }
                return null;
            }
            return value;
        }

        private String optional(JsonNode node, String path, String id, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isString()) {
                problems.add(new CaseProblem(path, id, field, "must be a string"));
                return null;
            }
            return value.stringValue();
        }

        private String dateTime(JsonNode node, String path, String id, String field) {
            String value = required(node, path, id, field);
            if (value == null) {
                return null;
            }
            Instant instant = CaseDates.parse(value);
            if (instant == null) {
                problems.add(new CaseProblem(
                        path, id, field, "must be an ISO 8601 date-time such as 2026-11-01T09:30:00Z, was " + value));
                return null;
            }
            return value;
        }

        private Integer integer(JsonNode node, String path, String id, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                problems.add(new CaseProblem(path, id, field, "must be a whole number"));
                return null;
            }
            return value.intValue();
        }

        private Double number(JsonNode node, String path, String id, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isNumber()) {
                problems.add(new CaseProblem(path, id, field, "must be a number"));
                return null;
            }
            return value.doubleValue();
        }

        private CasePackage.LinkUri link(JsonNode node, String path, String id, String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    problems.add(new CaseProblem(path, id, field, "is required"));
                }
                return null;
            }
            if (!value.isObject()) {
                problems.add(new CaseProblem(path, id, field, "must be an object with title, identifier and uri"));
                return null;
            }
            JsonNode identifier = value.get("identifier");
            if (identifier == null
                    || !identifier.isString()
                    || identifier.stringValue().isBlank()) {
                problems.add(new CaseProblem(path, id, field + ".identifier", "is required"));
                return null;
            }
            JsonNode title = value.get("title");
            JsonNode uri = value.get("uri");
            return new CasePackage.LinkUri(
                    title != null && title.isString() ? title.stringValue() : null,
                    identifier.stringValue().toLowerCase(Locale.ROOT),
                    uri != null && uri.isString() ? uri.stringValue() : null);
        }
    }
}
