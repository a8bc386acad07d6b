using System.Text.RegularExpressions;

namespace FakeAi.Text;

/// <summary>The default reply: a plain-paragraph cover letter of about 330 words that ends with a call to action.</summary>
internal static partial class CoverLetter
{
    private static readonly string[] InstructionStarts =
    [
        "write", "draft", "generate", "create", "compose", "produce", "please", "you ", "you're", "your task", "act ",
        "using", "use ", "given", "based", "here", "below", "the following", "respond", "reply", "answer", "return",
    ];

    private const string Body = """
        Over the past eight years I have delivered more than forty projects for startups, agencies and established companies. A recent example is a customer portal I rebuilt for a logistics firm: we moved a fragile legacy system to a clean, well-tested architecture, cut page load times by more than half and shipped every milestone on the agreed date. Before that, I led the integration of a payment provider with an accounting platform for a subscription business, which removed hours of manual reconciliation each week.

        Here is how I would approach your project. First, I would confirm the goals, constraints and success criteria with you in a short kickoff, so that we share one clear definition of done. Next, I would propose a simple plan with small milestones, each ending in something you can review and test yourself. Throughout the work I write automated tests, keep the code readable and document the decisions that matter, so that your team can maintain the result long after my part is finished.

        Communication matters to me as much as code. You can expect a brief written update at the end of each working day, quick answers during your business hours and honest estimates. If a risk appears, I will raise it early and suggest options rather than wait until it becomes a problem. I am comfortable working across time zones and with existing teams, tools and processes.

        I am available to start right away and can dedicate the time needed to meet your timeline. I would be glad to share relevant code samples or references from previous clients on request.

        Could we schedule a short call this week to discuss your requirements and the next steps?
        """;

    [GeneratedRegex(@"^\s*(?:job\s+)?title\s*:\s*(?<title>.+)$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    public static string Write(FakeAiRequest request)
    {
        var title = FindTitle(request.LastUserMessage);
        var subject = title is null ? "your project" : $"your project, \"{title}\"";
        return $"Hello,\n\nThank you for sharing the details of {subject}. I have read the description carefully, and it matches the kind of work I do every week: building dependable web applications, integrating third-party APIs and keeping delivery predictable for clients who need results rather than surprises.\n\n"
            + Body.ReplaceLineEndings("\n");
    }

    /// <summary>A "Title: …" line, else a short first line that reads like a title rather than an instruction.</summary>
    internal static string? FindTitle(string? userMessage)
    {
        if (string.IsNullOrWhiteSpace(userMessage))
        {
            return null;
        }

        var match = TitleLine().Match(userMessage);
        var candidate = match.Success
            ? match.Groups["title"].Value
            : userMessage.Split('\n').Select(l => l.Trim().TrimStart('#').Trim()).FirstOrDefault(l => l.Length > 0);
        candidate = candidate?.Trim().Trim('"', '\'', '*').Trim();
        if (string.IsNullOrEmpty(candidate) || candidate.Length > 100 || candidate.EndsWith(':')
            || candidate.Contains("cover letter", StringComparison.OrdinalIgnoreCase)
            || (!match.Success && InstructionStarts.Any(s => candidate.StartsWith(s, StringComparison.OrdinalIgnoreCase))))
        {
            return null;
        }

        return candidate;
    }
}
