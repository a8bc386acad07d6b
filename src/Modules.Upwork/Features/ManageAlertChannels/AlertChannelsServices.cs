using FluentValidation;
using Shared.Jobs;

namespace Modules.Upwork.Features.ManageAlertChannels;

/// <summary>Registers the alert channels slice: its handlers, its guarded HTTP client and its delivery job.</summary>
internal static class AlertChannelsServices
{
    public static IServiceCollection AddAlertChannels(this IServiceCollection services)
    {
        services.AddOptions<AlertChannelOptions>().BindConfiguration(AlertChannelOptions.Section);
        services.AddTransient<ManageAlertChannels>().AddTransient<DeliverAlerts>().AddTransient<IValidator<NewAlertChannel>, NewAlertChannelValidator>();
        // No automatic redirects: a receiver cannot bounce an alert (or a Telegram token in the path) somewhere else.
        services.AddHttpClient(DeliverAlerts.HttpClientName, h => h.Timeout = TimeSpan.FromSeconds(10))
            // The address is checked when connecting, not only when the channel was saved: a name that later resolves
            // to a private address (DNS rebinding) is refused too. No system proxy: it would connect on our behalf.
            .ConfigurePrimaryHttpMessageHandler(sp => Shared.Net.OutboundAddressGuard.GuardedHandler(
                () => sp.GetRequiredService<IOptions<AlertChannelOptions>>().Value.AllowPrivateTargets, "alert targets must be public."));
        services.AddRecurringJob<DeliverAlertsJob>(DeliverAlertsJob.Key, TimeSpan.FromSeconds(15));
        return services;
    }
}
