package io.confab.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The PostgreSQL classes the AOT training loads are still the server's: a stale list would only cost start-up time silently. */
class StartupTrainingTest {

    @Test
    void everyPostgresStartClassIsOnTheServersClasspath() throws Exception {
        List<String> names = StartupTraining.postgresStartClasses();

        assertThat(names).contains("org.postgresql.Driver", "org.flywaydb.database.postgresql.PostgreSQLDatabase");
        ClassLoader loader = StartupTraining.class.getClassLoader();
        List<String> missing = names.stream().filter(name -> {
            try {
                Class.forName(name, false, loader);
                return false;
            } catch (ClassNotFoundException | LinkageError e) {
                return true;
            }
        }).toList();
        assertThat(missing).as("names to refresh in postgres-start-classes.txt (see its header)").isEmpty();
    }
}
