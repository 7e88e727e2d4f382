package org.microlearn.home;

import org.microlearn.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where a launch lands until the role-specific experiences route people further. */
@Controller
class WelcomeController {

    @GetMapping("/welcome")
    String welcome(Viewer viewer, Model model) {
        model.addAttribute("viewer", viewer);
        model.addAttribute(
                "roleNames",
                viewer.roles().stream()
                        .map(role -> role.name().toLowerCase(java.util.Locale.ROOT))
                        .sorted()
                        .collect(java.util.stream.Collectors.joining(", ")));
        return "welcome";
    }
}
