using Shared.Live;

namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>Registers the Upwork API: options, the shared rate gate, the paced and resilient HTTP clients, accounts.</summary>
internal static class UpworkApiServices
{
    /// <summary>Returns the bound options, which the module's job schedules read at start-up.</summary>
    public static UpworkOptions AddUpworkApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UpworkOptions>().BindConfiguration(UpworkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var upwork = configuration.GetSection(UpworkOptions.Section).Get<UpworkOptions>() ?? new UpworkOptions();

        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
        if (string.IsNullOrWhiteSpace(configuration[$"{RedisOptions.Section}:Connection"]))
            services.AddSingleton<IUpworkRateGate, InMemoryRateGate>();
        else
            services.AddSingleton<IUpworkRateGate, RedisRateGate>();
        services.AddTransient<UpworkPacingHandler>().AddTransient<UpworkPauseSwitch>().AddTransient<IUpworkPauseState>(sp => sp.GetRequiredService<UpworkPauseSwitch>()).AddTransient<UpworkCallLog>();
        services.AddHttpClient<UpworkOAuthClient>(ConfigureHttp).AddUpworkResilience(upwork).AddHttpMessageHandler<UpworkPacingHandler>();
        services.AddHttpClient<UpworkGraphQlClient>(ConfigureHttp).AddUpworkResilience(upwork).AddHttpMessageHandler<UpworkPacingHandler>();
        services.AddTransient<UpworkAccounts>();
        return upwork;
    }

    private static void ConfigureHttp(HttpClient http)
    {
        http.Timeout = Timeout.InfiniteTimeSpan;   // the resilience pipeline owns timeouts (per attempt and in total)
        http.DefaultRequestHeaders.UserAgent.ParseAdd("UpworkAIAssistant/1.0");
    }
}
