using System.Text.RegularExpressions;

namespace Modules.Ai.Writing;

/// <summary>
/// A drafted answer to one screening question: the text, the skills it claims that the profile does not show (the same
/// check as the letter's "No invented claims" gate), and who wrote it.
/// </summary>
internal sealed record ScreeningAnswerDraft(string Question, string Answer, IReadOnlyList<string> UnsupportedClaims, string WrittenBy);

/// <summary>
/// Answers to a job's screening questions (docs/letters.md, "Screening questions"). The letter's prompt asks every
/// provider to answer them after the letter under <see cref="Heading"/>; this reads them back out, one per question,
/// and falls back to the offline writer's grounded answer (<see cref="LetterComposer.Answer"/>) for any the provider
/// left out. Every answer, whoever wrote it and after every edit, goes through <see cref="LetterQuality.UnsupportedClaims"/>
/// against the profile, so a claim the profile does not support is flagged on the answer as it is on the letter.
/// </summary>
internal static partial class ScreeningAnswers
{
    public const string Heading = "Answers to screening questions:";
    public const string Offline = "offline writer";

    /// <summary>The offline writer's answers: grounded in the profile, an honest gap where it shows nothing.</summary>
    public static IReadOnlyList<ScreeningAnswerDraft> Draft(LetterInputs inputs) =>
        inputs.Questions.Select(q => Check(q, LetterComposer.Answer(inputs, q), inputs, Offline)).ToList();

    /// <summary>The answers a finished letter gives (under <see cref="Heading"/>), one per question; the offline writer's for any left out.</summary>
    public static IReadOnlyList<ScreeningAnswerDraft> FromLetter(string letter, LetterInputs inputs, string writtenBy)
    {
        if (inputs.Questions.Count == 0) return [];
        var at = letter.IndexOf(Heading, StringComparison.OrdinalIgnoreCase);
        var blocks = new Dictionary<int, string>();
        if (at >= 0)
        {
            var section = letter[(at + Heading.Length)..];
            var marks = Numbered().Matches(section);
            for (var i = 0; i < marks.Count; i++)
            {
                var start = marks[i].Index + marks[i].Length;
                var end = i + 1 < marks.Count ? marks[i + 1].Index : section.Length;
                if (int.TryParse(marks[i].Groups["n"].Value, out var n)) blocks.TryAdd(n, section[start..end]);
            }
        }
        return inputs.Questions.Select((q, i) => blocks.TryGetValue(i + 1, out var block) && Clean(block, q) is { Length: > 0 } answer
            ? Check(q, answer, inputs, writtenBy)
            : Check(q, LetterComposer.Answer(inputs, q), inputs, Offline)).ToList();
    }

    /// <summary>The letter without its answers section (the answers travel on their own, in the submit dialog's boxes).</summary>
    public static string Body(string letter)
    {
        var at = letter.IndexOf(Heading, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? letter : letter[..at].TrimEnd();
    }

    /// <summary>An answer as written or edited, checked against the profile.</summary>
    public static ScreeningAnswerDraft Check(string question, string answer, LetterInputs inputs, string writtenBy) =>
        new(question, answer, LetterQuality.UnsupportedClaims(answer, inputs), writtenBy);

    /// <summary>The answer in a block: without the question echoed on its first line, or "Q:"/"A:" labels.</summary>
    private static string Clean(string block, string question)
    {
        var lines = block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count > 1 && IsEcho(lines[0], question)) lines.RemoveAt(0);
        var text = string.Join("\n", lines);
        if (lines.Count == 1 && text.StartsWith(question.Trim(), StringComparison.OrdinalIgnoreCase)) text = text[question.Trim().Length..].TrimStart(' ', '-', ':', '–');
        return Label().Replace(text, "").Trim();
    }

    private static bool IsEcho(string line, string question)
    {
        var l = Label().Replace(line, "").Trim().TrimEnd('…');
        return l.Length > 0 && (question.Trim().StartsWith(l, StringComparison.OrdinalIgnoreCase) || l.StartsWith(question.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"^[ \t]*(?<n>\d{1,2})[.)][ \t]*", RegexOptions.Multiline)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^(?:\*\*)?(?:Q|A|Question|Answer)\s*[:.](?:\*\*)?\s*", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Label();
}
