"""Notebook 10's CNN on PneumoniaMNIST in PyTorch, timed per epoch, for side-by-side comparison with L1Lab.

Same model as L1Lab's Cnn.Create([16, 32], 2): conv 3x3 (1->16, padding 1), ReLU, 2x2 max-pool, conv 3x3
(16->32), ReLU, max-pool, linear 32*7*7 -> 2; same data (the repository's data/medmnist/pneumoniamnist.npz,
4,708 training images, pixels scaled to [0, 1], accuracy on the 524 validation images), batch 32, SGD with
lr 0.05. Modes: none, proximal (L1 soft-threshold on every weight tensor) and group (proximal L1 plus the block
soft-threshold of each convolution filter, kernel and bias together, by lr * 10 * lam). The loop is training.py's.

Usage: /usr/bin/python3 benchmarks/pytorch/train_cnn.py [--epochs N] [--mode none|proximal|group] [--lambda L]
"""
import argparse
import os
import pathlib

import numpy as np
import torch

from training import train


def load(path, split):
    with np.load(path) as npz:
        images, labels = npz[f"{split}_images"], npz[f"{split}_labels"]
    x = torch.from_numpy(images.reshape(len(images), 1, 28, 28).astype(np.float32) / 255.0)
    return x, torch.from_numpy(labels.reshape(-1).astype(np.int64))


def group_step(convolutions, threshold):
    """Block soft-threshold of every output filter (kernel and bias), as L1Lab's GroupLasso.ProximalFilterStep."""
    with torch.no_grad():
        for conv in convolutions:
            norms = (conv.weight.flatten(1).square().sum(1) + conv.bias.square()).sqrt()
            scale = torch.clamp(norms - threshold, min=0) / norms.clamp(min=1e-30)
            conv.weight.mul_(scale.view(-1, 1, 1, 1))
            conv.bias.mul_(scale)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--mode", choices=["none", "proximal", "group"], default="none")
    parser.add_argument("--lambda", dest="lam", type=float, default=0.001)
    parser.add_argument("--threads", type=int, default=os.cpu_count(),
                        help="intra-op threads (default: all cores, as TorchSharp uses)")
    parser.add_argument("--data", default=str(pathlib.Path(__file__).resolve().parents[2] / "data" / "medmnist" / "pneumoniamnist.npz"))
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    train_x, train_y = load(args.data, "train")
    val_x, val_y = load(args.data, "val")

    torch.manual_seed(42)
    nn = torch.nn
    convolutions = [nn.Conv2d(1, 16, 3, padding=1), nn.Conv2d(16, 32, 3, padding=1)]
    model = nn.Sequential(convolutions[0], nn.ReLU(), nn.MaxPool2d(2), convolutions[1], nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(32 * 7 * 7, 2))
    lr = 0.05
    after = (lambda: group_step(convolutions, lr * 10 * args.lam)) if args.mode == "group" else None
    train(model, train_x, train_y, val_x, val_y, epochs=args.epochs, mode=args.mode, lam=args.lam, lr=lr, batch=32,
          after_step=after)


if __name__ == "__main__":
    main()
