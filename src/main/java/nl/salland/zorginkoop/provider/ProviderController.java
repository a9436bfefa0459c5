package nl.salland.zorginkoop.provider;

import java.util.List;
import nl.salland.zorginkoop.contract.Contract;
import nl.salland.zorginkoop.contract.ContractRegister;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The provider register over HTTP: {@code /api/providers}. */
@RestController
@RequestMapping("/api/providers")
public class ProviderController {

  private final ProviderRegister providers;
  private final ContractRegister contracts;

  public ProviderController(ProviderRegister providers, ContractRegister contracts) {
    this.providers = providers;
    this.contracts = contracts;
  }

  record ProviderRequest(String agbCode, String name, String kvkNumber, String municipality, String email) {
  }

  record ProviderView(String agbCode, String name, String kvkNumber, String municipality, String email,
      List<Contract> contracts) {
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ProviderView> save(@RequestBody ProviderRequest request) {
    Provider provider = new Provider(new AgbCode(request.agbCode()), request.name(), request.kvkNumber(),
        request.municipality(), request.email());
    providers.save(provider);
    return ResponseEntity.status(HttpStatus.CREATED).body(view(provider));
  }

  @GetMapping("/{agbCode}")
  ResponseEntity<ProviderView> get(@PathVariable String agbCode) {
    return providers.find(new AgbCode(agbCode))
        .map(this::view)
        .map(ResponseEntity::ok)
        .orElse(ResponseEntity.notFound().build());
  }

  @GetMapping
  List<Provider> search(@RequestParam(name = "q", defaultValue = "") String text) {
    return providers.findByNameOrAgb(text, 50);
  }

  private ProviderView view(Provider provider) {
    return new ProviderView(provider.agbCode().value(), provider.name(), provider.kvkNumber(),
        provider.municipality(), provider.email(), contracts.findByProvider(provider.agbCode()));
  }
}
