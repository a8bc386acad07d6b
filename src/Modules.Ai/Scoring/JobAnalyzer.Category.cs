using System.Globalization;
using System.Text.RegularExpressions;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

internal sealed partial class JobAnalyzer
{
    // ---- Category --------------------------------------------------------------------------------------------------

    private static readonly (string Category, string[] Terms)[] CategoryTerms =
    [
        ("Web, Mobile & Software Dev", ["react", "javascript", "typescript", "node.js", "angular", "vue.js", "next.js", "php", "laravel", "wordpress", "shopify",
            "html", "css", "c#", ".net", "asp.net", "java", "flutter", "ios", "android", "mobile app", "web development", "api", "rest api", "full stack", "front end", "back end", "software"]),
        ("Data Science & Analytics", ["machine learning", "deep learning", "data science", "data analysis", "data analytics", "pandas", "tableau", "power bi",
            "statistics", "natural language processing", "computer vision", "pytorch", "tensorflow", "data visualization", "large language models", "scikit learn"]),
        ("Design & Creative", ["logo", "logo design", "graphic design", "adobe illustrator", "adobe photoshop", "figma", "ui/ux design", "video editing", "animation", "branding", "illustration"]),
        ("Writing", ["copywriting", "content writing", "blog", "article", "proofreading", "editing", "ghostwriting", "technical writing"]),
        ("Sales & Marketing", ["search engine optimization", "social media marketing", "marketing", "google ads", "facebook ads", "email marketing", "lead generation"]),
        ("Accounting & Consulting", ["bookkeeping", "accounting", "quickbooks", "xero", "tax", "financial", "payroll", "financial modeling"]),
        ("Admin Support", ["data entry", "virtual assistant", "admin", "transcription", "web research"]),
        ("Customer Service", ["customer service", "zendesk", "chat support", "phone support"]),
        ("IT & Networking", ["devops", "kubernetes", "docker", "amazon web services", "linux", "network", "system administration", "microsoft azure", "ci/cd"]),
        ("Translation", ["translation", "translate", "localization"]),
    ];

    private static CategoryGuess? GuessCategory(JobPostingDetails job, AnalysisModels models, Dictionary<string, int> versions)
    {
        if (!string.IsNullOrWhiteSpace(job.Category)) return null;
        if (models.Classifier is { } classifier)
        {
            var (category, confidence) = classifier.Predict(job);
            if (!string.IsNullOrWhiteSpace(category))
            {
                versions[ModelNames.JobClassifier] = classifier.Version;
                var sure = confidence >= 0.7 ? "clearly belongs" : confidence >= 0.4 ? "most likely belongs" : "may belong";
                return new CategoryGuess(category, Math.Round(confidence, 3),
                    $"No category given; it {sure} in {category} ({Percent(confidence)} sure).");
            }
        }
        // Without a classifier: count the job's skills (and title words) that belong to each category.
        var terms = job.Skills.Select(SkillNames.Canonical).ToHashSet(StringComparer.Ordinal);
        var title = SkillNames.Normalize(job.Title);
        var hits = CategoryTerms
            .Select(c => (c.Category, Hits: c.Terms.Where(t => terms.Contains(t) || Regex.IsMatch(title, $@"(?<![\w.#+]){Regex.Escape(t)}(?![\w#+])")).ToList()))
            .Where(c => c.Hits.Count > 0).OrderByDescending(c => c.Hits.Count).ToList();
        if (hits.Count == 0) return null;
        var best = hits[0];
        var share = best.Hits.Count / (double)hits.Sum(h => h.Hits.Count);
        return new CategoryGuess(best.Category, Math.Round(0.6 * share, 3),
            $"No category given; words like {Join(best.Hits.Take(3).ToList())} suggest {best.Category}.");
    }
}
