package org.microlearn.lti.registration;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PlatformRepository extends ListCrudRepository<Platform, Long> {

    Optional<Platform> findByIssuerAndClientId(String issuer, String clientId);

    List<Platform> findByIssuer(String issuer);

    List<Platform> findAllByOrderByIssuerAscClientIdAsc();

    /** Adds a deployment seen at launch; safe when two nodes see it at once. */
    @Modifying
    @Query("INSERT IGNORE INTO lti_deployment (platform_id, deployment_id) VALUES (:platformId, :deploymentId)")
    int addDeployment(long platformId, String deploymentId);
}
