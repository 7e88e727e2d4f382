package org.microlearn.progress.web;

import java.nio.charset.StandardCharsets;
import org.microlearn.people.People;
import org.microlearn.progress.uploads.EvidenceFiles;
import org.microlearn.shared.Viewer;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves an evidence file to its owner, and to coaches and admins of the same platform; to nobody
 * else. Anyone else gets 404, the same answer as for a file that does not exist, so ids cannot be
 * probed. The type sent is the one detected from the bytes at upload; the browser may not sniff
 * another, and a sandbox policy keeps anything active inert.
 */
@Controller
class EvidenceFileController {

    private final EvidenceFiles files;
    private final People people;

    EvidenceFileController(EvidenceFiles files, People people) {
        this.files = files;
        this.people = people;
    }

    @GetMapping("/learn/evidence/{fileId}")
    ResponseEntity<Resource> file(Viewer viewer, @PathVariable String fileId) {
        EvidenceFiles.StoredFile file = files.find(viewer.platformId(), fileId)
                .filter(f -> people.maySeeWorkOf(viewer, f.educatorId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ContentDisposition disposition = (file.kind().inline()
                        ? ContentDisposition.inline()
                        : ContentDisposition.attachment())
                .filename(file.originalName(), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.kind().contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; media-src 'self'")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new FileSystemResource(files.path(file)));
    }
}
