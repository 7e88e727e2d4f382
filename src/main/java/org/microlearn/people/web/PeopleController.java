package org.microlearn.people.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.microlearn.people.LearningGroups;
import org.microlearn.people.People;
import org.microlearn.shared.CareerStage;
import org.microlearn.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The coach's roster with each teacher's career stage and learning groups, and the groups
 * themselves (PLCs, cohorts). Under {@code /coach/**}: coaches and admins of the platform only.
 */
@Controller
class PeopleController {

    private final People people;
    private final LearningGroups groups;

    PeopleController(People people, LearningGroups groups) {
        this.people = people;
        this.groups = groups;
    }

    @GetMapping("/coach/people")
    String people(Viewer viewer, Model model) {
        return render(viewer, model, null, "");
    }

    @PostMapping("/coach/people/{educatorId}/stage")
    String stage(
            Viewer viewer,
            @PathVariable long educatorId,
            @RequestParam(name = "stage", defaultValue = "") String stage) {
        if (!people.setCareerStage(
                viewer.platformId(), educatorId, CareerStage.parse(stage).orElse(null))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/coach/people#person-" + educatorId;
    }

    @PostMapping("/coach/groups")
    String createGroup(
            Viewer viewer,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "kind", defaultValue = "PLC") LearningGroups.Kind kind,
            Model model,
            HttpServletResponse response) {
        String error = null;
        if (name.isBlank() || name.strip().length() > 120) {
            error = "Give the group a name of up to 120 characters.";
        } else {
            try {
                long id = groups.create(viewer.platformId(), name, kind, viewer.educatorId());
                return "redirect:/coach/people#group-" + id;
            } catch (LearningGroups.DuplicateGroupException e) {
                error = e.getMessage() + ".";
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return render(viewer, model, error, name);
    }

    @PostMapping("/coach/groups/{groupId}/members")
    String addMember(Viewer viewer, @PathVariable long groupId, @RequestParam("educatorId") long educatorId) {
        if (!groups.addMember(viewer.platformId(), groupId, educatorId)
                && groups.group(viewer.platformId(), groupId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/coach/people#group-" + groupId;
    }

    @PostMapping("/coach/groups/{groupId}/members/{educatorId}/remove")
    String removeMember(Viewer viewer, @PathVariable long groupId, @PathVariable long educatorId) {
        groups.removeMember(viewer.platformId(), groupId, educatorId);
        return "redirect:/coach/people#group-" + groupId;
    }

    private String render(Viewer viewer, Model model, String groupError, String typedName) {
        List<People.Member> roster = people.roster(viewer.platformId(), viewer.courseId());
        List<LearningGroups.Group> all = groups.groups(viewer.platformId());
        Map<Long, List<String>> groupsOf = new HashMap<>();
        for (LearningGroups.Group g : all) {
            g.memberIds()
                    .forEach(id ->
                            groupsOf.computeIfAbsent(id, k -> new ArrayList<>()).add(g.name()));
        }
        Map<Long, String> names = new HashMap<>();
        roster.forEach(m -> names.put(m.educatorId(), m.name()));
        List<Long> unknown = all.stream()
                .flatMap(g -> g.memberIds().stream())
                .filter(id -> !names.containsKey(id))
                .distinct()
                .toList();
        people.educators(viewer.platformId(), unknown).forEach((id, e) -> names.put(id, e.displayName()));
        model.addAttribute("viewer", viewer);
        model.addAttribute("roster", roster);
        model.addAttribute("groups", all);
        model.addAttribute("groupsOf", groupsOf);
        model.addAttribute("names", names);
        model.addAttribute("stages", CareerStage.values());
        model.addAttribute("kinds", LearningGroups.Kind.values());
        model.addAttribute("groupError", groupError);
        model.addAttribute("typedName", typedName);
        model.addAttribute("inCourse", viewer.courseId() != null);
        return "coach/people";
    }
}
