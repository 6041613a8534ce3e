package dev.tollgate.engine.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/** Stripes in checkpoints: one for a reader's split, and a list for the enumerator's unassigned stripes. */
final class FileStripeSerializer implements SimpleVersionedSerializer<FileStripe> {
  private static final int VERSION = 1;

  static final SimpleVersionedSerializer<Collection<FileStripe>> LIST = new SimpleVersionedSerializer<>() {
    @Override
    public int getVersion() {
      return VERSION;
    }

    @Override
    public byte[] serialize(Collection<FileStripe> stripes) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(64 * (stripes.size() + 1));
      out.writeInt(stripes.size());
      for (FileStripe stripe : stripes) {
        write(stripe, out);
      }
      return out.getCopyOfBuffer();
    }

    @Override
    public Collection<FileStripe> deserialize(int version, byte[] serialized) throws IOException {
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      int size = in.readInt();
      List<FileStripe> stripes = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        stripes.add(read(in));
      }
      return stripes;
    }
  };

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(FileStripe stripe) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    write(stripe, out);
    return out.getCopyOfBuffer();
  }

  @Override
  public FileStripe deserialize(int version, byte[] serialized) throws IOException {
    return read(new DataInputDeserializer(serialized));
  }

  private static void write(FileStripe stripe, DataOutputView out) throws IOException {
    out.writeUTF(stripe.file());
    out.writeUTF(stripe.displayName());
    out.writeInt(stripe.stripe());
    out.writeInt(stripe.stripes());
    out.writeLong(stripe.linesBefore());
    out.writeLong(stripe.eventTimeBefore());
  }

  private static FileStripe read(DataInputView in) throws IOException {
    return new FileStripe(in.readUTF(), in.readUTF(), in.readInt(), in.readInt(), in.readLong(), in.readLong());
  }
}
