using Evaluation;

var cases = RedFlagEvaluation.Cases();
var scores = RedFlagEvaluation.Score(cases);
Console.Write(RedFlagEvaluation.Report(scores, cases.Count));
return 0;
