using Shared.Net;

namespace Modules.Ai.Integrations.Providers;

/// <summary>
/// HTTP clients for the AI providers. Neither follows redirects: a redirect would carry the key (Anthropic's
/// <c>x-api-key</c> is not stripped) to wherever it points. Base URLs a user typed go through a client that, unless
/// the admin allows local models, connects only to public addresses, checked on the resolved IP at connect time, and
/// never through a system proxy.
/// </summary>
internal sealed class AiHttpClients(IHttpClientFactory factory)
{
    public const string Trusted = "ai";
    public const string Guarded = "ai-user";

    public HttpClient For(bool userSuppliedUrl) => factory.CreateClient(userSuppliedUrl ? Guarded : Trusted);

    public static void Register(IServiceCollection services)
    {
        services.AddHttpClient(Trusted, h => h.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddHttpClient(Guarded, h => h.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => OutboundAddressGuard.GuardedHandler(
                () => sp.GetRequiredService<IOptionsMonitor<AiOptions>>().CurrentValue.AllowLocalModels,
                "local and private addresses are off for AI base URLs you enter (an admin can allow local models)."));
        services.AddSingleton<AiHttpClients>();
    }
}
