package org.microlearn.home;

import org.microlearn.lti.ToolEndpoints;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page someone sees who opens the tool directly rather than from an LMS. */
@Controller
class HomeController {

    private final ToolEndpoints endpoints;

    HomeController(ToolEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("endpoints", endpoints);
        return "home";
    }
}
