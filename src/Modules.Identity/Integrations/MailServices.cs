using Contracts.Identity;
using Shared.Jobs;
using Shared.Mail;

namespace Modules.Identity.Integrations;

internal static class MailServices
{
    /// <summary>SMTP, the <see cref="IMailer"/> other modules use, and the outbox that retries queued mail.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddTransient<SmtpEmailSender>().AddTransient<IMailer, Mailer>();
        services.AddOptions<MailOutboxOptions>().BindConfiguration(MailOutboxOptions.Section);
        services.AddSingleton<MailOutbox>().AddHostedService<MailOutboxSender>();
        services.AddRecurringJob<SendQueuedMailJob>(SendQueuedMailJob.Key, TimeSpan.FromSeconds(30));
        return services;
    }
}
