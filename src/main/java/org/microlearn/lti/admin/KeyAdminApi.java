package org.microlearn.lti.admin;

import java.util.List;
import org.microlearn.lti.keys.ToolKeys;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the tool's keys and rotates them on an operator's command. */
@RestController
@RequestMapping("/api/admin/keys")
class KeyAdminApi {

    private final ToolKeys keys;

    KeyAdminApi(ToolKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    List<ToolKeys.KeyInfo> list() {
        return keys.keys();
    }

    @PostMapping("/rotate")
    List<ToolKeys.KeyInfo> rotate() {
        keys.rotate();
        return keys.keys();
    }
}
