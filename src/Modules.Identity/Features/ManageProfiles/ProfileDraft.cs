using Contracts.Identity;

namespace Modules.Identity.Features.ManageProfiles;

/// <summary>The editor's mutable copy of a profile; turned into a <see cref="ProfileInput"/> for the validator and the slice.</summary>
internal sealed class ProfileDraft
{
    public Guid? Id { get; init; }
    public string Title { get; set; } = "";
    public string? Overview { get; set; }
    public IReadOnlyList<string> Skills { get; set; } = [];
    public decimal? HourlyRate { get; set; }
    public int? YearsOfExperience { get; set; }
    public IReadOnlyList<string> Languages { get; set; } = [];
    public bool IsDefault { get; set; }
    public List<PortfolioDraft> Portfolio { get; } = [];
    public List<LetterDraft> SampleLetters { get; } = [];

    public static ProfileDraft From(FreelancerProfile p)
    {
        var draft = new ProfileDraft
        {
            Id = p.Id, Title = p.Title, Overview = p.Overview, Skills = p.Skills.ToList(), HourlyRate = p.HourlyRate,
            YearsOfExperience = p.YearsOfExperience, Languages = p.Languages.ToList(), IsDefault = p.IsDefault,
        };
        draft.Portfolio.AddRange(p.Portfolio.Select(i => new PortfolioDraft { Title = i.Title, Url = i.Url, Description = i.Description, Skills = i.Skills.ToList() }));
        draft.SampleLetters.AddRange(p.SampleLetters.Select(l => new LetterDraft { Text = l.Text, Won = l.Won }));
        return draft;
    }

    public ProfileInput ToInput() => new(
        Title ?? "", Overview, Skills.ToList(), HourlyRate, YearsOfExperience, Languages.ToList(), IsDefault,
        Portfolio.Select(i => new PortfolioInput(i.Title ?? "", i.Url, i.Description, i.Skills.ToList())).ToList(),
        SampleLetters.Select(l => new LetterInput(l.Text ?? "", l.Won)).ToList());
}

internal sealed class PortfolioDraft
{
    public string Title { get; set; } = "";
    public string? Url { get; set; }
    public string? Description { get; set; }
    public IReadOnlyList<string> Skills { get; set; } = [];
}

internal sealed class LetterDraft
{
    public string Text { get; set; } = "";
    public bool Won { get; set; }
}
