using FakeAi;
using FakeUpwork;

namespace TestSupport;

/// <summary>
/// The app settings that point it at the fake servers, in one place instead of a copy per fixture: each fixture takes
/// these and adds only what is particular to it (<see cref="With"/>).
/// </summary>
public static class FakeSettings
{
    /// <summary>OpenAI on the fake (with the fake's key unless told otherwise), then the offline writer; no demo feed.</summary>
    public static Dictionary<string, string?> OpenAIThenOffline(FakeAiServer fake, string? apiKey = FakeAiOptions.DefaultOpenAIKey) => new()
    {
        ["Ai:ProviderOrder"] = "openai,offline",
        ["Ai:OpenAI:BaseUrl"] = fake.OpenAIEndpoint,
        ["Ai:OpenAI:ApiKey"] = apiKey,
        ["Upwork:Demo:Enabled"] = "false",
    };

    /// <summary>The fake Upwork's default client, its endpoints and our callback; no demo feed.</summary>
    public static Dictionary<string, string?> Upwork(FakeUpworkServer fake, string redirectUri) => new()
    {
        ["Upwork:ClientId"] = FakeUpworkOptions.DefaultClientId,
        ["Upwork:ClientSecret"] = FakeUpworkOptions.DefaultClientSecret,
        ["Upwork:RedirectUri"] = redirectUri,
        ["Upwork:AuthorizeUrl"] = fake.AuthorizeUrl,
        ["Upwork:TokenUrl"] = fake.TokenUrl,
        ["Upwork:GraphQlUrl"] = fake.GraphQlUrl,
        ["Upwork:Demo:Enabled"] = "false",
    };

    /// <summary>These settings plus (or overridden by) <paramref name="more"/>.</summary>
    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, params (string Key, string? Value)[] more)
    {
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }
}
