package nl.salland.zorginkoop;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ZorginkoopApplication {

  public static void main(String[] args) {
    // Every deadline of the policy is Dutch time; Camunda's REST dates and FEEL's handling of Date variables follow
    // the JVM's zone, so the application runs in Europe/Amsterdam wherever it is started.
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/Amsterdam"));
    SpringApplication.run(ZorginkoopApplication.class, args);
  }
}
