using MlApt.Cli;

return MlAptApp.Run(args, Console.Out, Console.Error);
