package org.gms.server.security.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.gms.server.config.GmsConfig;
import org.gms.server.security.TestConfigs;
import org.junit.jupiter.api.Test;

class AccessRuleTest {

    private static final GmsConfig SERVER_ONLY = TestConfigs.builder()
            .option("server", "username", "default").option("server", "password", "password").build();

    @Test
    void should_ask_nothing_when_no_password_is_configured() {
        GmsConfig config = TestConfigs.builder().option("server", "username", "default").build();
        assertThat(AccessRule.of("/genesys/1/storage/abc", AuthSettings.from(config))).isEqualTo(new AccessRule.Open());
        assertThat(AccessRule.of("/genesys/1/service/request-interaction", AuthSettings.from(config))).isEqualTo(new AccessRule.Open());
    }

    @Test
    void should_protect_storage_notification_callback_and_services_with_the_server_pair_when_only_it_is_set() {
        AccessRule expected = new AccessRule.Basic("default", "password");
        assertThat(AccessRule.of("/genesys/1/storage", AuthSettings.from(SERVER_ONLY))).isEqualTo(expected);
        assertThat(AccessRule.of("/genesys/1/storage/abc/60", AuthSettings.from(SERVER_ONLY))).isEqualTo(expected);
        assertThat(AccessRule.of("/genesys/1/notification/subscription", AuthSettings.from(SERVER_ONLY))).isEqualTo(expected);
        assertThat(AccessRule.of("/genesys/1/service/callback/cb1", AuthSettings.from(SERVER_ONLY))).isEqualTo(expected);
        assertThat(AccessRule.of("/genesys/1/service/413-ac85eb82/ixn/chat", AuthSettings.from(SERVER_ONLY))).isEqualTo(expected);
    }

    @Test
    void should_never_protect_the_node_check_or_unrelated_paths_when_a_server_password_is_set() {
        assertThat(AccessRule.of("/genesys/1/node", AuthSettings.from(SERVER_ONLY))).isEqualTo(new AccessRule.Open());
        assertThat(AccessRule.of("/genesys/cometd", AuthSettings.from(SERVER_ONLY))).isEqualTo(new AccessRule.Open());
        assertThat(AccessRule.of("/other", AuthSettings.from(SERVER_ONLY))).isEqualTo(new AccessRule.Open());
    }

    @Test
    void should_use_the_most_specific_section_with_a_password_when_sections_override_the_server() {
        GmsConfig config = TestConfigs.builder()
                .option("server", "username", "default").option("server", "password", "password")
                .option("storage", "password", "storage-secret")
                .option("service.request-interaction", "username", "genesys")
                .option("service.request-interaction", "password", "genesys")
                .option("callback", "username", "cb").option("callback", "password", "cb-secret")
                .option("service.cb2", "username", "cb2").option("service.cb2", "password", "cb2-secret")
                .build();
        assertThat(AccessRule.of("/genesys/1/storage/x", AuthSettings.from(config))).isEqualTo(new AccessRule.Basic("default", "storage-secret"));
        assertThat(AccessRule.of("/genesys/1/service/request-interaction", AuthSettings.from(config)))
                .isEqualTo(new AccessRule.Basic("genesys", "genesys"));
        assertThat(AccessRule.of("/genesys/1/service/callback/cb1", AuthSettings.from(config))).isEqualTo(new AccessRule.Basic("cb", "cb-secret"));
        assertThat(AccessRule.of("/genesys/1/service/callback/cb2/123", AuthSettings.from(config)))
                .isEqualTo(new AccessRule.Basic("cb2", "cb2-secret"));
    }

    @Test
    void should_take_the_sections_username_with_the_server_password_when_the_section_has_no_password() {
        GmsConfig config = TestConfigs.builder()
                .option("server", "username", "genesys").option("server", "password", "pw")
                .option("storage", "username", "store")
                .option("service.request-interaction", "username", "ixn")
                .build();
        assertThat(AccessRule.of("/genesys/1/storage/x", AuthSettings.from(config))).isEqualTo(new AccessRule.Basic("store", "pw"));
        assertThat(AccessRule.of("/genesys/1/service/request-interaction", AuthSettings.from(config)))
                .isEqualTo(new AccessRule.Basic("ixn", "pw"));
        assertThat(AccessRule.of("/genesys/1/notification/subscription", AuthSettings.from(config)))
                .isEqualTo(new AccessRule.Basic("genesys", "pw"));
    }

    @Test
    void should_protect_chat_only_when_disable_authentication_is_false() {
        assertThat(AccessRule.of("/genesys/2/chat/customer-support", AuthSettings.from(SERVER_ONLY))).isEqualTo(new AccessRule.Open());
        GmsConfig config = TestConfigs.builder()
                .option("server", "username", "default").option("server", "password", "password")
                .option("chat", "disable_authentication", "false").build();
        assertThat(AccessRule.of("/genesys/2/chat/customer-support", AuthSettings.from(config)))
                .isEqualTo(new AccessRule.Basic("default", "password"));
    }

    @Test
    void should_route_admin_paths_to_user_authentication_when_they_are_requested() {
        assertThat(AccessRule.of("/genesys/1/admin/node/status", AuthSettings.from(SERVER_ONLY))).isEqualTo(new AccessRule.Admin());
        assertThat(AccessRule.of("/genesys/admin/index.html", AuthSettings.from(SERVER_ONLY))).isEqualTo(new AccessRule.Admin());
    }

    @Test
    void should_allow_supervisors_to_read_only_and_agents_nothing_when_roles_are_checked() {
        String node = "/genesys/1/admin/node/changestatus/OFFLINE";
        assertThat(AuthenticationHandler.allowed(Role.ADMINISTRATOR, "POST", node)).isTrue();
        assertThat(AuthenticationHandler.allowed(Role.SUPERVISOR, "GET", node)).isTrue();
        assertThat(AuthenticationHandler.allowed(Role.SUPERVISOR, "POST", node)).isFalse();
        assertThat(AuthenticationHandler.allowed(Role.AGENT, "GET", node)).isFalse();
        String other = "/genesys/1/admin/nodes/2/changestatus/OFFLINE";
        assertThat(AuthenticationHandler.allowed(Role.SUPERVISOR, "POST", other)).isFalse();
        assertThat(AuthenticationHandler.allowed(Role.ADMINISTRATOR, "POST", other)).isTrue();
    }

    @Test
    void should_keep_the_configuration_from_supervisors_when_roles_are_checked() {
        String config = "/genesys/1/admin/config/services";
        assertThat(AuthenticationHandler.allowed(Role.ADMINISTRATOR, "GET", config)).isTrue();
        assertThat(AuthenticationHandler.allowed(Role.SUPERVISOR, "GET", config)).isFalse();
        assertThat(AuthenticationHandler.allowed(Role.SUPERVISOR, "HEAD", config)).isFalse();
        assertThat(AuthenticationHandler.allowed(Role.AGENT, "GET", config)).isFalse();
        assertThat(AuthenticationHandler.allowed(Role.SUPERVISOR, "GET", "/genesys/1/admin/configuration")).isTrue();
    }

    @Test
    void should_let_supervisors_work_callbacks_and_every_user_reach_the_agent_api_when_roles_are_checked() {
        assertThat(AuthenticationHandler.allowed(Role.SUPERVISOR, "POST", "/genesys/1/admin/callback/cancel")).isTrue();
        assertThat(AuthenticationHandler.allowed(Role.AGENT, "POST", "/genesys/1/admin/callback/cancel")).isFalse();
        assertThat(AuthenticationHandler.allowed(Role.AGENT, "POST", "/genesys/1/agent/callbacks/next")).isTrue();
        assertThat(AccessRule.of("/genesys/1/agent/callbacks", AuthSettings.from(SERVER_ONLY)))
                .isEqualTo(new AccessRule.Admin());
    }
}
