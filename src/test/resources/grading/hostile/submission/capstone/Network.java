package capstone;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Opens a connection to a server of the grading machine (on its loopback) and looks a name up. */
public final class Network {
    private Network() {
    }

    public static double answer(double x) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", @PORT@), 2000);
            OutputStream o = s.getOutputStream();
            o.write("pwned".getBytes());
            o.flush();
            System.out.println("connected");
        } catch (Exception e) {
            System.out.println("no connection: " + e.getClass().getSimpleName());
        }
        try {
            System.out.println("resolved " + InetAddress.getByName("example.com"));
        } catch (Exception e) {
            System.out.println("no name lookup: " + e.getClass().getSimpleName());
        }
        return x;
    }
}
