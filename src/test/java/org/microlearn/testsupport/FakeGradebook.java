package org.microlearn.testsupport;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A gradebook with memory behind a WireMock LMS: line items are listed, created and kept, scores
 * are kept per line item and user, as Assignment and Grade Services do. Line item URLs follow
 * Moodle ({@code .../lineitems/7/lineitem}) or Canvas ({@code .../line_items/7}).
 */
public final class FakeGradebook implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-gradebook";
    private static final JsonMapper json = JsonMapper.builder().build();

    /** A line item as created, with every score it received, oldest first. */
    public record Item(
            String url, String label, String resourceId, String tag, double scoreMaximum, List<JsonNode> scores) {

        /** The latest score for this LMS user id, if any. */
        public JsonNode latest(String userId) {
            JsonNode found = null;
            for (JsonNode score : scores) {
                if (score.get("userId").asString().equals(userId)) {
                    found = score;
                }
            }
            return found;
        }
    }

    private final String lineItemsPath;
    private final boolean moodleUrls;
    private final Map<Integer, Item> items = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Pattern scoresPath;

    /** Set to a status to refuse scores with it (an outage), or 0 to accept them. */
    public volatile int refuseScoresWith;

    public FakeGradebook(String lineItemsPath, boolean moodleUrls) {
        this.lineItemsPath = lineItemsPath;
        this.moodleUrls = moodleUrls;
        this.scoresPath =
                Pattern.compile(Pattern.quote(lineItemsPath) + "/(\\d+)" + (moodleUrls ? "/lineitem" : "") + "/scores");
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public List<Item> items() {
        return new ArrayList<>(items.values());
    }

    public List<Item> itemsTagged(String tagPrefix) {
        return items().stream()
                .filter(i -> i.tag() != null && i.tag().startsWith(tagPrefix))
                .toList();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        var request = event.getRequest();
        String path = request.getUrl().split("\\?")[0];
        String base =
                request.getAbsoluteUrl().substring(0, request.getAbsoluteUrl().indexOf(path));
        if (path.equals(lineItemsPath) && request.getMethod().getName().equals("GET")) {
            List<ObjectNode> listed =
                    items().stream().map(FakeGradebook::asJson).toList();
            return ResponseDefinition.okForJson(listed);
        }
        if (path.equals(lineItemsPath) && request.getMethod().getName().equals("POST")) {
            JsonNode wanted = json.readTree(request.getBodyAsString());
            int id = ids.incrementAndGet();
            String url = base + lineItemsPath + "/" + id + (moodleUrls ? "/lineitem" : "");
            Item item = new Item(
                    url,
                    wanted.path("label").asString(),
                    wanted.path("resourceId").asString(null),
                    wanted.path("tag").asString(null),
                    wanted.path("scoreMaximum").asDouble(),
                    new CopyOnWriteArrayList<>());
            items.put(id, item);
            return new ResponseDefinition(201, json.writeValueAsString(asJson(item)));
        }
        Matcher scores = scoresPath.matcher(path);
        if (scores.matches() && request.getMethod().getName().equals("POST")) {
            if (refuseScoresWith != 0) {
                return new ResponseDefinition(refuseScoresWith, "{\"error\":\"the gradebook is unavailable\"}");
            }
            Item item = items.get(Integer.parseInt(scores.group(1)));
            if (item == null) {
                return new ResponseDefinition(404, "{\"error\":\"no such line item\"}");
            }
            item.scores().add(json.readTree(request.getBodyAsString()));
            return new ResponseDefinition(204, "");
        }
        return new ResponseDefinition(404, "{\"error\":\"not found\"}");
    }

    private static ObjectNode asJson(Item item) {
        ObjectNode node = json.createObjectNode();
        node.put("id", item.url());
        node.put("label", item.label());
        node.put("scoreMaximum", item.scoreMaximum());
        if (item.resourceId() != null) {
            node.put("resourceId", item.resourceId());
        }
        if (item.tag() != null) {
            node.put("tag", item.tag());
        }
        return node;
    }
}
