package org.gms.server.service;

import org.gms.storage.resource.ResourceRepository;
import org.gms.storage.service.ServiceInstanceRepository;

/** The repositories of the service API, built when the feature starts. */
record ServiceRepositories(ServiceInstanceRepository instances, ResourceRepository resources) {
}
