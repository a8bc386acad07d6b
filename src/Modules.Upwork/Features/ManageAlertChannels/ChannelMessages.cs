using System.Text;
using System.Text.RegularExpressions;
using Modules.Upwork.Data;

namespace Modules.Upwork.Features.ManageAlertChannels;

/// <summary>
/// The chat line of one alert, per platform (issue 17 item 3). A job's title comes from whoever pasted or sent it, so
/// everything taken from the job is made inert in the receiver's markup: Slack's mrkdwn control characters
/// (<c>&amp; &lt; &gt;</c>, so <c>&lt;!channel&gt;</c>, <c>&lt;@U123&gt;</c> and masked links <c>&lt;url|text&gt;</c>
/// arrive as text), Discord's markdown and mentions (escaped, and <c>allowed_mentions</c> parses none), and Telegram
/// as plain text (no <c>parse_mode</c>). A link is printed only when it is an Upwork job URL
/// (<see cref="UpworkJobLink"/>); any other URL is dropped.
/// </summary>
internal static partial class ChannelMessages
{
    private const int DiscordLimit = 1900;   // Discord refuses content over 2,000 characters
    private const int TelegramLimit = 4000;  // Telegram's limit is 4,096

    /// <summary>The job's link when it is <c>https://www.upwork.com/jobs/…</c> (nothing else), else null.</summary>
    public static string? UpworkJobLink(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort && string.IsNullOrEmpty(uri.UserInfo)
        && uri.Host.Equals("www.upwork.com", StringComparison.OrdinalIgnoreCase)
        && uri.AbsolutePath.StartsWith("/jobs/", StringComparison.Ordinal) && uri.AbsolutePath.Length > "/jobs/".Length
            ? uri.AbsoluteUri
            : null;

    /// <summary>Slack incoming webhook text (mrkdwn): job text escaped, the link as Slack's own <c>&lt;url&gt;</c> form.</summary>
    public static string Slack(Notification alert, JobPosting? job)
    {
        var text = new StringBuilder(SlackEscape(Plain(alert.Title)));
        if (!string.IsNullOrEmpty(alert.Detail)) text.Append('\n').Append(SlackEscape(Plain(alert.Detail)));
        // The URL passed UpworkJobLink (no '|', '<' or '>' survive Uri's escaping), so it cannot carry a label of its own.
        if (UpworkJobLink(job?.Url) is { } link) text.Append('\n').Append('<').Append(link).Append('>');
        return text.ToString();
    }

    /// <summary>Discord webhook content: markdown and mentions escaped; sent with <c>allowed_mentions: {parse: []}</c> too.</summary>
    public static string Discord(Notification alert, JobPosting? job)
    {
        var text = new StringBuilder(DiscordEscape(Plain(alert.Title)));
        if (!string.IsNullOrEmpty(alert.Detail)) text.Append('\n').Append(DiscordEscape(Plain(alert.Detail)));
        var body = text.Length > DiscordLimit - 200 ? text.ToString(0, DiscordLimit - 200) : text.ToString();
        // Angle brackets keep Discord from unfurling a preview; the link is an Upwork job URL or nothing.
        return UpworkJobLink(job?.Url) is { } link ? $"{body}\n<{link}>" : body;
    }

    /// <summary>Telegram <c>sendMessage</c> text, sent without <c>parse_mode</c>: plain text, nothing to interpret.</summary>
    public static string Telegram(Notification alert, JobPosting? job)
    {
        var text = new StringBuilder(Plain(alert.Title));
        if (!string.IsNullOrEmpty(alert.Detail)) text.Append('\n').Append(Plain(alert.Detail));
        var body = text.Length > TelegramLimit - 200 ? text.ToString(0, TelegramLimit - 200) : text.ToString();
        return UpworkJobLink(job?.Url) is { } link ? $"{body}\n{link}" : body;
    }

    /// <summary>Slack's three control characters (https://api.slack.com/reference/surfaces/formatting#escaping).</summary>
    public static string SlackEscape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// Backslash before every markdown character Discord reads, and a zero-width space after each <c>@</c> so neither
    /// <c>@everyone</c>/<c>@here</c> nor <c>&lt;@…&gt;</c>, <c>&lt;@&amp;…&gt;</c>, <c>&lt;#…&gt;</c> form a mention.
    /// </summary>
    public static string DiscordEscape(string s) => DiscordMarkup().Replace(s, @"\$0").Replace("@", "@\u200B");

    /// <summary>One line of text: control characters (CR/LF included) and Unicode line separators become spaces.</summary>
    public static string Plain(string s) => new(s.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c).ToArray());

    [GeneratedRegex(@"[\\*_~`|>#\[\]()<:\-]")]
    private static partial Regex DiscordMarkup();
}
