package org.switchboard.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives the integration tests deploy: the real EAR the build made, whole or with a module left out. */
public final class Deployments {

    private Deployments() {
    }

    public static EnterpriseArchive switchboard() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, earFile());
    }

    /** The real EAR with feature modules' jars taken out of the WAR, as if they had never been packaged. */
    public static EnterpriseArchive without(String... moduleIds) {
        EnterpriseArchive ear = switchboard();
        WebArchive war = ear.getAsType(WebArchive.class, "web.war");
        for (String moduleId : moduleIds) {
            ArchivePath jar = war.get("WEB-INF/lib/" + moduleId + ".jar").getPath();
            if (war.delete(jar) == null) {
                throw new IllegalStateException("web.war has no WEB-INF/lib/" + moduleId + ".jar");
            }
        }
        ear.delete("web.war");
        ear.addAsModule(war);
        return ear;
    }

    private static File earFile() {
        File ear = new File(System.getProperty("switchboard.ear", "target/switchboard.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("Build the EAR first: " + ear.getAbsolutePath() + " is missing");
        }
        return ear;
    }
}
