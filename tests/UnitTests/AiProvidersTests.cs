using Microsoft.Extensions.Configuration;
using Modules.Ai.Features.ListProviders;

namespace UnitTests;

public sealed class AiProvidersTests
{
    private static IReadOnlyList<AiProviderStatus> Run(Dictionary<string, string?> settings) =>
        new ListProviders(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).Run();

    [Fact]
    public void The_configured_order_is_kept_unknown_names_dropped_and_offline_always_last()
    {
        var providers = Run(new() { ["Ai:ProviderOrder"] = "anthropic, bogus, OPENAI, anthropic" });

        providers.Select(p => p.Kind).ShouldBe(["anthropic", "openai", "offline"]);
        providers.Select(p => p.Position).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void A_provider_is_configured_only_with_its_key_or_url_and_the_key_never_leaves()
    {
        var providers = Run(new() { ["Ai:OpenAI:ApiKey"] = "sk-secret-1234", ["Ai:OpenAICompatible:BaseUrl"] = "http://127.0.0.1:11434/v1" });

        providers.Single(p => p.Kind == "openai").Configured.ShouldBeTrue();
        providers.Single(p => p.Kind == "anthropic").Configured.ShouldBeFalse();
        providers.Single(p => p.Kind == "openai_compatible").Configured.ShouldBeTrue();
        providers.Single(p => p.Kind == "offline").Configured.ShouldBeTrue();
        System.Text.Json.JsonSerializer.Serialize(providers).ShouldNotContain("sk-secret");
    }
}
