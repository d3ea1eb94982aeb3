"""Command line: every main job, headless."""
