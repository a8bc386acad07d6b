using System.Globalization;
using System.Text;
using Modules.Upwork.Data;

namespace Modules.Upwork.Features.ManageAlertChannels;

/// <summary>
/// The plain-text e-mail for one alert: title, budget, links and why it matched. Nothing of the job's description goes
/// in (it is the client's HTML-ish text, and a mail client would be tempted to render it); control characters are
/// dropped so a job title cannot add header lines to the subject.
/// </summary>
internal static class AlertEmail
{
    public static (string Subject, string Body) Compose(Notification alert, JobPosting? job, string? publicUrl)
    {
        var title = Clean(job?.Title ?? alert.Title);
        var subject = (alert.Kind == "new_job" ? "New job: " : "Job update: ") + (title.Length > 150 ? title[..150] + "…" : title);
        var body = new StringBuilder();
        body.Append(title).Append("\n\n");
        if (job is not null)
        {
            body.Append("Budget: ").Append(Budget(job)).Append('\n');
            if (job.ExperienceLevel is { } level) body.Append("Level: ").Append(level).Append('\n');
            if (job.Skills.Count > 0) body.Append("Skills: ").Append(Clean(string.Join(", ", job.Skills.Take(10)))).Append('\n');
            body.Append("Posted: ").Append(job.PostedAt.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append('\n');
        }
        if (!string.IsNullOrEmpty(alert.Detail)) body.Append("Why: ").Append(Clean(alert.Detail)).Append('\n');
        body.Append('\n');
        if (ChannelMessages.UpworkJobLink(job?.Url) is { } link) body.Append("Open on Upwork: ").Append(link).Append('\n');   // any other URL is dropped
        if (!string.IsNullOrWhiteSpace(publicUrl))
            body.Append("Open in the assistant: ").Append(publicUrl.TrimEnd('/')).Append("/upwork/jobs").Append('\n');
        body.Append("\nYou get this because a saved search of yours has alerts on. Change channels on the Upwork page of the assistant.\n");
        return (subject, body.ToString());
    }

    public static string Budget(JobPosting job)
    {
        static string Money(decimal d) => "$" + d.ToString("#,0.##", CultureInfo.InvariantCulture);
        var range = (job.BudgetMin, job.BudgetMax) switch
        {
            ({ } min, { } max) when min != max => $"{Money(min)}–{Money(max)}",
            ({ } min, _) => Money(min),
            (_, { } max) => Money(max),
            _ => null,
        };
        if (range is null) return "not stated";
        return job.JobType == "hourly" ? range + "/hr" : job.JobType == "fixed" ? range + " fixed price" : range;
    }

    private static string Clean(string s) => ChannelMessages.Plain(s);
}
