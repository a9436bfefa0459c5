package nl.salland.zorginkoop.provider;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Providers in our own table {@code zi_provider}. */
@Repository
public class ProviderRegister {

  private final JdbcClient jdbc;

  public ProviderRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the provider or updates its name, KvK number and municipality. */
  @Transactional
  public void save(Provider provider) {
    OffsetDateTime now = OffsetDateTime.now();
    int updated = jdbc.sql("""
            UPDATE zi_provider SET name = :name, kvk_number = :kvk, municipality = :municipality, email = :email, updated_at = :now
            WHERE agb_code = :agb""")
        .param("agb", provider.agbCode().value())
        .param("name", provider.name())
        .param("kvk", provider.kvkNumber())
        .param("municipality", provider.municipality())
        .param("email", provider.email())
        .param("now", now)
        .update();
    if (updated == 0) {
      jdbc.sql("""
              INSERT INTO zi_provider (agb_code, name, kvk_number, municipality, email, created_at, updated_at)
              VALUES (:agb, :name, :kvk, :municipality, :email, :now, :now)""")
          .param("agb", provider.agbCode().value())
          .param("name", provider.name())
          .param("kvk", provider.kvkNumber())
          .param("municipality", provider.municipality())
          .param("email", provider.email())
          .param("now", now)
          .update();
    }
  }

  public Optional<Provider> find(AgbCode agbCode) {
    return jdbc.sql("SELECT agb_code, name, kvk_number, municipality, email FROM zi_provider WHERE agb_code = :agb")
        .param("agb", agbCode.value())
        .query(ProviderRegister::map)
        .optional();
  }

  public List<Provider> findByNameOrAgb(String text, int limit) {
    String like = "%" + text.toLowerCase() + "%";
    return jdbc.sql("""
            SELECT agb_code, name, kvk_number, municipality, email FROM zi_provider
            WHERE agb_code LIKE :like OR LOWER(name) LIKE :like ORDER BY name FETCH FIRST :limit ROWS ONLY""")
        .param("like", like)
        .param("limit", limit)
        .query(ProviderRegister::map)
        .list();
  }

  private static Provider map(ResultSet rs, int row) throws SQLException {
    return new Provider(new AgbCode(rs.getString("agb_code")), rs.getString("name"), rs.getString("kvk_number"),
        rs.getString("municipality"), rs.getString("email"));
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM zi_provider").query(Long.class).single();
  }
}
