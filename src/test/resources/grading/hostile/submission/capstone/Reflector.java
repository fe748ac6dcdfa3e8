package capstone;

import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

/** Looks around the student JVM for anything to use: processes, the grader's files, network interfaces, the user. */
public final class Reflector {
    private Reflector() {
    }

    public static double answer(double x) throws Exception {
        System.out.println("visible processes: " + ProcessHandle.allProcesses().count());
        System.out.println("my pid: " + ProcessHandle.current().pid());
        System.out.println("user: " + System.getProperty("user.name") + " home " + System.getProperty("user.home"));
        System.out.println("course visible: " + Files.exists(Path.of("@COURSE@/src")));
        int up = 0;
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (n.isUp()) {
                    up++;
                }
            }
        } catch (java.net.SocketException e) {
            System.out.println("network interfaces: " + e.getMessage());
        }
        System.out.println("interfaces up: " + up);
        return x;
    }
}
