package org.microlearn.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learning groups: PLCs, cohorts and other named groups of educators in a platform. Coaches
 * create them and add members; assignments can target a group, and teachers share what they
 * applied with the groups they are in. Every method is scoped to the platform.
 */
@Service
public class LearningGroups {

    /** What a group is for; only the label differs. */
    public enum Kind {
        PLC("Professional learning community"),
        COHORT("Cohort"),
        OTHER("Group");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Group(long id, String name, Kind kind, List<Long> memberIds) {

        public Group {
            memberIds = List.copyOf(memberIds);
        }
    }

    /** The name is taken in this platform. */
    public static class DuplicateGroupException extends RuntimeException {
        public DuplicateGroupException(String name) {
            super("A group called \"" + name + "\" already exists");
        }
    }

    private final JdbcClient jdbc;

    LearningGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public long create(long platformId, String name, Kind kind, long createdBy) {
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO learning_group (platform_id, name, kind, created_by) VALUES (?, ?, ?, ?)")
                    .params(platformId, name.trim(), kind.name(), createdBy)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new DuplicateGroupException(name.trim());
        }
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Adds an educator of the same platform; false when the group or educator is not the platform's. */
    @Transactional
    public boolean addMember(long platformId, long groupId, long educatorId) {
        return jdbc.sql("""
                        INSERT IGNORE INTO learning_group_member (group_id, educator_id)
                        SELECT g.id, e.id FROM learning_group g JOIN educator e ON e.platform_id = g.platform_id
                        WHERE g.id = ? AND e.id = ? AND g.platform_id = ?
                        """).params(groupId, educatorId, platformId).update() > 0;
    }

    @Transactional
    public void removeMember(long platformId, long groupId, long educatorId) {
        jdbc.sql("""
                        DELETE m FROM learning_group_member m JOIN learning_group g ON g.id = m.group_id
                        WHERE g.id = ? AND m.educator_id = ? AND g.platform_id = ?
                        """).params(groupId, educatorId, platformId).update();
    }

    @Transactional(readOnly = true)
    public List<Group> groups(long platformId) {
        return load(platformId, null);
    }

    @Transactional(readOnly = true)
    public Optional<Group> group(long platformId, long groupId) {
        return load(platformId, groupId).stream().findFirst();
    }

    /** The groups an educator is a member of. */
    @Transactional(readOnly = true)
    public List<Group> groupsOf(long platformId, long educatorId) {
        return groups(platformId).stream()
                .filter(g -> g.memberIds().contains(educatorId))
                .toList();
    }

    /** Everyone who shares at least one group with the educator (not the educator themself). */
    @Transactional(readOnly = true)
    public List<Long> peersOf(long platformId, long educatorId) {
        return jdbc.sql("""
                        SELECT DISTINCT other.educator_id FROM learning_group_member mine
                        JOIN learning_group g ON g.id = mine.group_id
                        JOIN learning_group_member other ON other.group_id = g.id
                        WHERE mine.educator_id = ? AND g.platform_id = ? AND other.educator_id <> mine.educator_id
                        """).params(educatorId, platformId).query(Long.class).list();
    }

    /** Members of the groups with these ids, by group. */
    @Transactional(readOnly = true)
    public Map<Long, List<Long>> members(long platformId, Collection<Long> groupIds) {
        Map<Long, List<Long>> members = new LinkedHashMap<>();
        groups(platformId).stream()
                .filter(g -> groupIds.contains(g.id()))
                .forEach(g -> members.put(g.id(), g.memberIds()));
        return members;
    }

    private List<Group> load(long platformId, Long onlyGroup) {
        Map<Long, Group> byId = new LinkedHashMap<>();
        Map<Long, List<Long>> members = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT g.id, g.name, g.kind, m.educator_id FROM learning_group g
                        LEFT JOIN learning_group_member m ON m.group_id = g.id
                        WHERE g.platform_id = :platform AND (:group IS NULL OR g.id = :group)
                        ORDER BY g.name, g.id
                        """).param("platform", platformId).param("group", onlyGroup).query(rs -> {
            long id = rs.getLong("id");
            byId.putIfAbsent(id, new Group(id, rs.getString("name"), Kind.valueOf(rs.getString("kind")), List.of()));
            List<Long> list = members.computeIfAbsent(id, k -> new ArrayList<>());
            long member = rs.getLong("educator_id");
            if (!rs.wasNull()) {
                list.add(member);
            }
        });
        return byId.values().stream()
                .map(g -> new Group(g.id(), g.name(), g.kind(), members.get(g.id())))
                .toList();
    }
}
