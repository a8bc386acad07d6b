using Contracts.Identity;
using Contracts.Upwork;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Transforms.Text;
using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>The general success model's probability for a job applied to at a time (the analyzer without a personal model).</summary>
internal delegate ValueTask<double> GeneralSuccess(JobPostingDetails job, DateTimeOffset appliedAt, CancellationToken ct);

/// <summary>
/// Trains the three models from plain lists (no database): each run splits the rows into training and a 20 % holdout
/// (<see cref="HoldoutSplit"/>, seed <see cref="Seed"/>), trains, measures on the holdout, and returns the model's
/// bytes with its metrics — or "not enough data" with the counts when the data is below the minimum. Trainers run on
/// one thread so the same data always gives the same model. CPU-bound: call from a background job, not a request.
/// </summary>
internal sealed class ModelTrainer(TimeProvider time)
{
    /// <summary>The seed for splits and trainers.</summary>
    public const int Seed = 42;

    /// <summary>Share of rows held out for metrics.</summary>
    public const double HoldoutFraction = 0.2;

    /// <summary>Classifier minimum: labelled jobs.</summary>
    public const int MinClassifierJobs = 50;

    /// <summary>Classifier minimum: categories among them.</summary>
    public const int MinClassifierCategories = 2;

    /// <summary>Salary minimum: jobs with a known type and a positive price.</summary>
    public const int MinPricedJobs = 50;

    /// <summary>Success minimum: decided outcomes (see <see cref="Decided"/>).</summary>
    public const int MinOutcomes = 20;

    /// <summary>Success minimum per class: wins and losses each, so training and holdout both see both.</summary>
    public const int MinPerOutcomeClass = 3;

    /// <summary>A sent proposal with no answer after this long counts as lost.</summary>
    public static readonly TimeSpan NoAnswerMeansLost = TimeSpan.FromDays(30);

    /// <summary>Trains <see cref="ModelNames.JobClassifier"/>: category from title, skills and description.</summary>
    public TrainingResult TrainJobClassifier(IReadOnlyList<JobPostingDetails> jobs, int version)
    {
        var rows = jobs.Where(j => !string.IsNullOrWhiteSpace(j.Category)).Select(CategoryRow.From).ToList();
        var categories = rows.Select(r => r.Category).Distinct(StringComparer.Ordinal).Count();
        var counts = new Dictionary<string, int> { ["jobs"] = jobs.Count, ["labelled_jobs"] = rows.Count, ["categories"] = categories };
        if (rows.Count < MinClassifierJobs || categories < MinClassifierCategories)
            return NotEnough(ModelNames.JobClassifier, counts,
                $"{rows.Count} jobs with a category (need {MinClassifierJobs}) in {categories} categories (need {MinClassifierCategories})");

        var (train, holdout) = HoldoutSplit.Split(rows, r => r.Category, HoldoutFraction, Seed);
        var ml = new MLContext(Seed);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(CategoryRow.Category))
            .Append(ml.Transforms.Text.FeaturizeText("Features", nameof(CategoryRow.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label", FeatureColumnName = "Features", NumberOfThreads = 1,
                MaximumNumberOfIterations = 30,   // text features converge in a few passes; the default (auto) took 5x longer for nothing
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(CategoryPrediction.PredictedCategory), "PredictedLabel"));
        var trainView = ml.Data.LoadFromEnumerable(train);
        var model = pipeline.Fit(trainView);
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(holdout)));
        return Trained(ml, model, trainView.Schema, ModelNames.JobClassifier, version, rows.Count, counts, new()
        {
            [ModelMetrics.MacroAccuracy] = metrics.MacroAccuracy,
            [ModelMetrics.MicroAccuracy] = metrics.MicroAccuracy,
            [ModelMetrics.LogLoss] = metrics.LogLoss,
            [ModelMetrics.TrainRows] = train.Count,
            [ModelMetrics.HoldoutRows] = holdout.Count,
        });
    }

    /// <summary>
    /// Trains <see cref="ModelNames.SalaryPredictor"/> (FastTree regression of ln(price)): the hourly rate of hourly jobs and
    /// the amount of fixed ones, from text, job type, experience level, category and skills count. Metrics are in dollars.
    /// </summary>
    public TrainingResult TrainSalaryPredictor(IReadOnlyList<JobPostingDetails> jobs, int version)
    {
        var rows = jobs.Where(j => JobFacts.StatedPrice(j) is > 0).Select(SalaryRow.From).OfType<SalaryRow>().ToList();
        var counts = new Dictionary<string, int>
        {
            ["jobs"] = jobs.Count, ["priced_jobs"] = rows.Count,
            ["hourly_jobs"] = rows.Count(r => r.Kind == "hourly"), ["fixed_jobs"] = rows.Count(r => r.Kind == "fixed"),
        };
        if (rows.Count < MinPricedJobs)
            return NotEnough(ModelNames.SalaryPredictor, counts, $"{rows.Count} jobs with a budget (need {MinPricedJobs})");

        var (train, holdout) = HoldoutSplit.Split(rows, r => r.Kind, HoldoutFraction, Seed);
        var ml = new MLContext(Seed);
        var words = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
            CharFeatureExtractor = null,   // character grams add thousands of sparse columns trees make little of
            StopWordsRemoverOptions = new StopWordsRemovingEstimator.Options(),
        };
        var pipeline = ml.Transforms.Categorical.OneHotEncoding(
            [new InputOutputColumnPair("KindVec", nameof(SalaryRow.Kind)), new InputOutputColumnPair("LevelVec", nameof(SalaryRow.Level)),
             new InputOutputColumnPair("CategoryVec", nameof(SalaryRow.Category))])
            .Append(ml.Transforms.Text.FeaturizeText("TextVec", words, nameof(SalaryRow.Text)))
            .Append(ml.Transforms.Concatenate("Features", "KindVec", "LevelVec", "CategoryVec", "TextVec", nameof(SalaryRow.SkillsCount)))
            .Append(ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                LabelColumnName = nameof(SalaryRow.Label), FeatureColumnName = "Features",
                NumberOfTrees = 150, NumberOfLeaves = 12, MinimumExampleCountPerLeaf = 5, LearningRate = 0.1, NumberOfThreads = 1,
            }));
        var trainView = ml.Data.LoadFromEnumerable(train);
        var model = pipeline.Fit(trainView);

        var predicted = ml.Data.CreateEnumerable<SalaryPrediction>(model.Transform(ml.Data.LoadFromEnumerable(holdout)), reuseRowObject: false)
            .Select(p => Math.Exp(p.Score)).ToArray();
        var actual = holdout.Select(r => Math.Exp(r.Label)).ToArray();
        var meanByKind = train.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Average(r => Math.Exp(r.Label)));
        var baseline = holdout.Select(r => meanByKind.GetValueOrDefault(r.Kind, actual.Average())).ToArray();
        var holdoutMean = actual.Average();
        var sse = actual.Zip(predicted, (a, p) => (a - p) * (a - p)).Sum();
        var sst = actual.Sum(a => (a - holdoutMean) * (a - holdoutMean));
        var metrics = new Dictionary<string, double>
        {
            [ModelMetrics.MeanAbsoluteError] = Mae(actual, predicted, _ => true),
            [ModelMetrics.BaselineMeanAbsoluteError] = Mae(actual, baseline, _ => true),
            [ModelMetrics.RSquared] = sst == 0 ? 0 : 1 - sse / sst,
            [ModelMetrics.TrainRows] = train.Count,
            [ModelMetrics.HoldoutRows] = holdout.Count,
        };
        if (holdout.Any(r => r.Kind == "hourly"))
            metrics[ModelMetrics.MeanAbsoluteErrorHourly] = Mae(actual, predicted, i => holdout[i].Kind == "hourly");
        if (holdout.Any(r => r.Kind == "fixed"))
            metrics[ModelMetrics.MeanAbsoluteErrorFixed] = Mae(actual, predicted, i => holdout[i].Kind == "fixed");
        return Trained(ml, model, trainView.Schema, ModelNames.SalaryPredictor, version, rows.Count, counts, metrics);
    }

    /// <summary>
    /// Trains <see cref="ModelNames.SuccessModel"/> (SDCA logistic regression, which behaves on the few dozen rows a
    /// freelancer has) on the profile's decided proposals joined with their jobs. Pass the same <paramref name="matcher"/>
    /// the analyzer uses, so the skills-match feature means the same thing at training and prediction time.
    /// </summary>
    public async Task<TrainingResult> TrainSuccessModelAsync(
        IReadOnlyList<ProposalOutcome> outcomes, IReadOnlyList<JobPostingDetails> jobs, FreelancerProfile profile,
        SkillMatcher matcher, int version, CancellationToken ct, GeneralSuccess? general = null)
    {
        var now = time.GetUtcNow();
        var byId = jobs.GroupBy(j => j.Id).ToDictionary(g => g.Key, g => g.First());
        var decided = outcomes.Where(o => byId.ContainsKey(o.JobPostingId) && Decided(o, now) is not null).ToList();
        var items = new List<(SuccessRow Row, JobPostingDetails Job, DateTimeOffset At)>(decided.Count);
        foreach (var outcome in decided)
        {
            var job = byId[outcome.JobPostingId];
            var match = await matcher.MatchAsync(job.Skills, profile, ct);
            var at = outcome.SubmittedAt ?? job.PostedAt;
            items.Add((SuccessRow.From(job, profile, match.Score, at, Decided(outcome, now)!.Value), job, at));
        }
        var rows = items.Select(i => i.Row).ToList();
        var wins = rows.Count(r => r.Label);
        var counts = new Dictionary<string, int>
        {
            ["outcomes"] = outcomes.Count, ["with_job"] = outcomes.Count(o => byId.ContainsKey(o.JobPostingId)),
            ["decided"] = rows.Count, ["won"] = wins, ["lost"] = rows.Count - wins,
        };
        if (rows.Count < MinOutcomes || wins < MinPerOutcomeClass || rows.Count - wins < MinPerOutcomeClass)
            return NotEnough(ModelNames.SuccessModel, counts,
                $"{rows.Count} decided proposals (need {MinOutcomes}) with {wins} won and {rows.Count - wins} lost (need {MinPerOutcomeClass} of each)");

        var (trainItems, holdoutItems) = HoldoutSplit.Split(items, i => i.Row.Label ? "won" : "lost", HoldoutFraction, Seed);
        var (train, holdout) = (trainItems.Select(i => i.Row).ToList(), holdoutItems.Select(i => i.Row).ToList());
        var ml = new MLContext(Seed);
        var pipeline = ml.Transforms.Concatenate("Features", SuccessRow.FeatureColumns)
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(SuccessRow.Label), FeatureColumnName = "Features", NumberOfThreads = 1,
            }));
        var trainView = ml.Data.LoadFromEnumerable(train);
        var model = pipeline.Fit(trainView);
        var scored = model.Transform(ml.Data.LoadFromEnumerable(holdout));
        var metrics = ml.BinaryClassification.Evaluate(scored, nameof(SuccessRow.Label));
        var labels = holdout.Select(r => r.Label).ToArray();
        var predicted = ml.Data.CreateEnumerable<SuccessPrediction>(scored, reuseRowObject: false).Select(p => float.IsFinite(p.Probability) ? (double)p.Probability : 0).ToArray();
        var result = new Dictionary<string, double>
        {
            [ModelMetrics.Auc] = metrics.AreaUnderRocCurve,
            [ModelMetrics.Accuracy] = metrics.Accuracy,
            [ModelMetrics.Brier] = Calibration.Brier(predicted, labels),
            [ModelMetrics.MeanPredicted] = predicted.Average(),
            [ModelMetrics.ObservedRate] = labels.Average(l => l ? 1.0 : 0.0),
            [ModelMetrics.TrainRows] = train.Count,
            [ModelMetrics.HoldoutRows] = holdout.Count,
        };
        if (general is not null)
        {
            // The general model (the analyzer's priors) on the same held-out proposals: what the personal model must beat.
            var baseline = new double[holdoutItems.Count];
            for (var i = 0; i < holdoutItems.Count; i++) baseline[i] = await general(holdoutItems[i].Job, holdoutItems[i].At, ct);
            result[ModelMetrics.GeneralAuc] = Calibration.Auc(baseline, labels);
            result[ModelMetrics.GeneralBrier] = Calibration.Brier(baseline, labels);
        }
        return Trained(ml, model, trainView.Schema, ModelNames.SuccessModel, version, rows.Count, counts, result);
    }

    /// <summary>
    /// Won (true), lost (false) or still open (null). Hired or offered is a win; declined or archived is a loss;
    /// a sent proposal with no answer after <see cref="NoAnswerMeansLost"/> is a loss; withdrawn says nothing about
    /// the client and is left out, as are drafts.
    /// </summary>
    public static bool? Decided(ProposalOutcome outcome, DateTimeOffset now)
    {
        if (outcome.Won) return true;
        return outcome.Status.Trim().ToLowerInvariant() switch
        {
            "declined" or "archived" => false,
            "submitted" or "viewed" or "interviewing" when outcome.SubmittedAt is { } sent && now - sent >= NoAnswerMeansLost => false,
            _ => null,
        };
    }

    private TrainingResult Trained(MLContext ml, ITransformer model, DataViewSchema schema, string name, int version, int rows,
        Dictionary<string, int> counts, Dictionary<string, double> metrics)
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, schema, stream);
        var trained = new TrainedModel(name, version, time.GetUtcNow(), rows, metrics, stream.ToArray());
        var (metric, _) = ModelPromotion.PrimaryMetric(name);
        return new TrainingResult(trained, $"Trained {name} v{version} on {rows} rows: {metric} {metrics[metric]:0.###} on the holdout.", counts);
    }

    private static TrainingResult NotEnough(string name, Dictionary<string, int> counts, string shortfall) =>
        new(null, $"Not enough data to train {name}: {shortfall}.", counts);

    private static double Mae(double[] actual, double[] predicted, Func<int, bool> include) =>
        Enumerable.Range(0, actual.Length).Where(include).Average(i => Math.Abs(actual[i] - predicted[i]));
}
