# zorginkoop: the application image used by docker-compose.yml (profile "postgres").
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY . .
RUN ./mvnw -B -q -DskipTests package && cp target/zorginkoop-*.jar /zorginkoop.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app zorginkoop
WORKDIR /app
COPY --from=build /zorginkoop.jar /app/zorginkoop.jar
USER zorginkoop
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=postgres \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Duser.timezone=Europe/Amsterdam"
ENTRYPOINT ["java", "-jar", "/app/zorginkoop.jar"]
