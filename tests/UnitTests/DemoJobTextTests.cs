using System.Text.RegularExpressions;
using Modules.Upwork.Features.GenerateDemoPostings;

namespace UnitTests;

/// <summary>Demo jobs are the first thing a new user reads: their English has to be right (issue 25).</summary>
public sealed partial class DemoJobTextTests
{
    [Fact]
    public void No_demo_title_or_description_puts_a_before_a_vowel()
    {
        var now = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var texts = Enumerable.Range(0, 500).Select(seed => DemoJobGenerator.Create(new Random(seed), now))
            .SelectMany(j => new[] { j.Title, j.Description ?? "" }).ToList();

        texts.Where(t => AThenVowel().IsMatch(t)).ShouldBeEmpty();
        texts.ShouldContain(t => t.Contains("an education", StringComparison.Ordinal));   // the case that was wrong is generated
    }

    [GeneratedRegex(@"\ba [aeiou]", RegexOptions.IgnoreCase)]
    private static partial Regex AThenVowel();
}
